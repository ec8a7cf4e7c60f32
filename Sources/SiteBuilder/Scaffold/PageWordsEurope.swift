/// `PageWords` in the other languages the default theme has UI strings for: German, French,
/// Spanish, Finnish, Danish, Norwegian (Bokmål), Portuguese, Italian and Dutch.
extension PageWords {
    static let german: KeyValuePairs<String, String> = [
        "projectsHeading": "Seiten",
        "projectsUnit": "Seiten",
        "noProjects": "Hier gibt es noch keine Seiten.",
        "filterHeading": "Seiten filtern",
        "filterHelp": "Wählen Sie einen Wert, um die Seiten zu sehen, die ihn haben.",
        "filterHelpEnhanced":
            "Wählen Sie einen oder mehrere Werte. Die Liste zeigt die Seiten, die in jeder Gruppe einen "
            + "der gewählten Werte haben.",
        "filterStatus": "{n} Seiten angezeigt",
        "filterStatusAll": "Alle {n} Seiten angezeigt",
        "filterStatusNone": "Keine Seiten entsprechen Ihrer Auswahl.",
        "filterEmpty":
            "Keine Seite hat alle gewählten Werte. Entfernen Sie eine Auswahl oder zeigen Sie wieder alle "
            + "Seiten.",
        "filterReset": "Alle Seiten anzeigen",
        "filterMore": "Weitere Seiten anzeigen",
        "filterLoading": "Seiten werden geladen …",
        "pagerShowing": "Seiten {first}–{last} von {count}",
        "searchHelp":
            "Geben Sie ein oder mehrere Wörter ein. Die Suche findet auch andere Formen der Wörter. Um "
            + "nur in einigen Seiten zu suchen, wählen Sie Werte in den Filtern.",
        "searchCountFiltered": "{n} Ergebnisse für „{q}“ in den gewählten Seiten",
        "searchCountFilteredOne": "1 Ergebnis für „{q}“ in den gewählten Seiten",
        "searchCountFilteredNone": "Keine Ergebnisse für „{q}“ in den gewählten Seiten",
        "searchListCount": "{n} Seiten mit den gewählten Filtern",
        "searchListCountOne": "1 Seite mit den gewählten Filtern",
        "searchNoneBrowse": "Seiten nach Schlagwort durchsehen:",
        "searchFailed": "Die Suche konnte nicht geladen werden. Über das Menü finden Sie trotzdem jede Seite.",
        "searchNoScriptHelp": "Über das Menü oben finden Sie trotzdem alles auf der Website.",
        "searchFilterHelp":
            "Wählen Sie einen oder mehrere Werte, um nur die Seiten zu durchsuchen, die sie haben. Die "
            + "Zahlen zeigen, wie viele Seiten jede Auswahl mit Ihrer Suche ergibt.",
        "search.kind.project": "Seite",
    ]

    static let french: KeyValuePairs<String, String> = [
        "projectsHeading": "Pages",
        "projectsUnit": "pages",
        "noProjects": "Il n’y a encore aucune page ici.",
        "filterHeading": "Filtrer les pages",
        "filterHelp": "Choisissez une valeur pour voir les pages qui l’ont.",
        "filterHelpEnhanced":
            "Choisissez une ou plusieurs valeurs. La liste montre les pages qui ont l’une des valeurs "
            + "choisies dans chaque groupe.",
        "filterStatus": "{n} pages affichées",
        "filterStatusAll": "Les {n} pages sont affichées",
        "filterStatusNone": "Aucune page ne correspond à vos choix.",
        "filterEmpty":
            "Aucune page n’a toutes les valeurs choisies. Retirez un choix, ou affichez de nouveau toutes "
            + "les pages.",
        "filterReset": "Afficher toutes les pages",
        "filterMore": "Afficher plus de pages",
        "filterLoading": "Chargement des pages …",
        "pagerShowing": "Pages {first} à {last} sur {count}",
        "searchHelp":
            "Saisissez un ou plusieurs mots. La recherche trouve aussi les autres formes des mots. Pour "
            + "ne chercher que dans certaines pages, choisissez des valeurs dans les filtres.",
        "searchCountFiltered": "{n} résultats pour « {q} » parmi les pages choisies",
        "searchCountFilteredOne": "1 résultat pour « {q} » parmi les pages choisies",
        "searchCountFilteredNone": "Aucun résultat pour « {q} » parmi les pages choisies",
        "searchListCount": "{n} pages avec les filtres choisis",
        "searchListCountOne": "1 page avec les filtres choisis",
        "searchNoneBrowse": "Parcourir les pages par mot-clé :",
        "searchFailed": "La recherche n’a pas pu être chargée. Vous pouvez toujours trouver chaque page par le menu.",
        "searchNoScriptHelp": "Vous pouvez tout de même tout trouver sur le site par le menu en haut.",
        "searchFilterHelp":
            "Choisissez une ou plusieurs valeurs pour ne chercher que dans les pages qui les ont. Les "
            + "nombres indiquent combien de pages chaque choix donne avec votre recherche.",
        "search.kind.project": "Page",
    ]

    static let spanish: KeyValuePairs<String, String> = [
        "projectsHeading": "Páginas",
        "projectsUnit": "páginas",
        "noProjects": "Todavía no hay páginas aquí.",
        "filterHeading": "Filtrar páginas",
        "filterHelp": "Elija un valor para ver las páginas que lo tienen.",
        "filterHelpEnhanced":
            "Elija uno o varios valores. La lista muestra las páginas que tienen alguno de los valores "
            + "elegidos en cada grupo.",
        "filterStatus": "{n} páginas mostradas",
        "filterStatusAll": "Se muestran las {n} páginas",
        "filterStatusNone": "Ninguna página coincide con su elección.",
        "filterEmpty":
            "Ninguna página tiene todos los valores elegidos. Quite una elección, o vuelva a mostrar "
            + "todas las páginas.",
        "filterReset": "Mostrar todas las páginas",
        "filterMore": "Mostrar más páginas",
        "filterLoading": "Cargando las páginas …",
        "pagerShowing": "Páginas {first}–{last} de {count}",
        "searchHelp":
            "Escriba una o varias palabras. La búsqueda también encuentra otras formas de las palabras. "
            + "Para buscar solo en algunas páginas, elija valores en los filtros.",
        "searchCountFiltered": "{n} resultados para «{q}» entre las páginas elegidas",
        "searchCountFilteredOne": "1 resultado para «{q}» entre las páginas elegidas",
        "searchCountFilteredNone": "Ningún resultado para «{q}» entre las páginas elegidas",
        "searchListCount": "{n} páginas con los filtros elegidos",
        "searchListCountOne": "1 página con los filtros elegidos",
        "searchNoneBrowse": "Explorar las páginas por etiqueta:",
        "searchFailed": "No se pudo cargar la búsqueda. Aún puede encontrar cada página mediante el menú.",
        "searchNoScriptHelp": "Aún puede encontrar todo en el sitio mediante el menú de arriba.",
        "searchFilterHelp":
            "Elija uno o varios valores para buscar solo en las páginas que los tienen. Los números "
            + "indican cuántas páginas da cada elección con lo que ha buscado.",
        "search.kind.project": "Página",
    ]

    static let finnish: KeyValuePairs<String, String> = [
        "projectsHeading": "Sivut",
        "projectsUnit": "sivua",
        "noProjects": "Täällä ei ole vielä sivuja.",
        "filterHeading": "Suodata sivuja",
        "filterHelp": "Valitse arvo nähdäksesi sivut, joilla se on.",
        "filterHelpEnhanced":
            "Valitse yksi tai useampi arvo. Luettelossa näkyvät sivut, joilla on jokin valituista "
            + "arvoista kussakin ryhmässä.",
        "filterStatus": "{n} sivua näytetään",
        "filterStatusAll": "Kaikki {n} sivua näytetään",
        "filterStatusNone": "Mikään sivu ei vastaa valintojasi.",
        "filterEmpty":
            "Millään sivulla ei ole kaikkia valittuja arvoja. Poista jokin valinta tai näytä taas kaikki "
            + "sivut.",
        "filterReset": "Näytä kaikki sivut",
        "filterMore": "Näytä lisää sivuja",
        "filterLoading": "Sivuja ladataan …",
        "pagerShowing": "Sivut {first}–{last}/{count}",
        "searchHelp":
            "Kirjoita yksi tai useampi sana. Haku löytää myös sanojen muut muodot. Jos haluat hakea vain "
            + "joiltakin sivuilta, valitse arvoja suodattimista.",
        "searchCountFiltered": "{n} tulosta haulla ”{q}” valituilta sivuilta",
        "searchCountFilteredOne": "1 tulos haulla ”{q}” valituilta sivuilta",
        "searchCountFilteredNone": "Ei tuloksia haulla ”{q}” valituilta sivuilta",
        "searchListCount": "{n} sivua valituilla suodattimilla",
        "searchListCountOne": "1 sivu valituilla suodattimilla",
        "searchNoneBrowse": "Selaa sivuja tunnisteen mukaan:",
        "searchFailed": "Hakua ei voitu ladata. Löydät silti jokaisen sivun valikon kautta.",
        "searchNoScriptHelp": "Löydät silti kaiken sivustolta yläreunan valikon kautta.",
        "searchFilterHelp":
            "Valitse yksi tai useampi arvo, niin haku kohdistuu vain sivuihin, joilla ne ovat. Luvut "
            + "kertovat, montako sivua kukin valinta antaa hakemallasi.",
        "search.kind.project": "Sivu",
    ]

    static let danish: KeyValuePairs<String, String> = [
        "projectsHeading": "Sider",
        "projectsUnit": "sider",
        "noProjects": "Der er ingen sider her endnu.",
        "filterHeading": "Filtrér sider",
        "filterHelp": "Vælg en værdi for at se de sider, der har den.",
        "filterHelpEnhanced":
            "Vælg en eller flere værdier. Listen viser de sider, der har en af de valgte værdier i hver "
            + "gruppe.",
        "filterStatus": "{n} sider vises",
        "filterStatusAll": "Alle {n} sider vises",
        "filterStatusNone": "Ingen sider passer til dine valg.",
        "filterEmpty": "Ingen side har alle de valgte værdier. Fjern et valg, eller vis alle sider igen.",
        "filterReset": "Vis alle sider",
        "filterMore": "Vis flere sider",
        "filterLoading": "Henter siderne …",
        "pagerShowing": "Side {first}–{last} af {count}",
        "searchHelp":
            "Skriv et eller flere ord. Søgningen finder også andre former af ordene. Vælg værdier i "
            + "filtrene for kun at søge i nogle af siderne.",
        "searchCountFiltered": "{n} resultater for »{q}« blandt de valgte sider",
        "searchCountFilteredOne": "1 resultat for »{q}« blandt de valgte sider",
        "searchCountFilteredNone": "Ingen resultater for »{q}« blandt de valgte sider",
        "searchListCount": "{n} sider med de valgte filtre",
        "searchListCountOne": "1 side med de valgte filtre",
        "searchNoneBrowse": "Gennemse siderne efter emne:",
        "searchFailed": "Søgningen kunne ikke indlæses. Du kan stadig finde alle sider via menuen.",
        "searchNoScriptHelp": "Du kan stadig finde alt på webstedet via menuen øverst.",
        "searchFilterHelp":
            "Vælg en eller flere værdier for kun at søge i de sider, der har dem. Tallene viser, hvor "
            + "mange sider hvert valg giver med det, du har søgt efter.",
        "search.kind.project": "Side",
    ]

    static let norwegian: KeyValuePairs<String, String> = [
        "projectsHeading": "Sider",
        "projectsUnit": "sider",
        "noProjects": "Det er ingen sider her ennå.",
        "filterHeading": "Filtrer sider",
        "filterHelp": "Velg en verdi for å se sidene som har den.",
        "filterHelpEnhanced":
            "Velg én eller flere verdier. Listen viser sidene som har en av de valgte verdiene i hver "
            + "gruppe.",
        "filterStatus": "{n} sider vises",
        "filterStatusAll": "Alle {n} sider vises",
        "filterStatusNone": "Ingen sider passer til valgene dine.",
        "filterEmpty": "Ingen sider har alle de valgte verdiene. Fjern et valg, eller vis alle sidene igjen.",
        "filterReset": "Vis alle sider",
        "filterMore": "Vis flere sider",
        "filterLoading": "Henter sidene …",
        "pagerShowing": "Side {first}–{last} av {count}",
        "searchHelp":
            "Skriv ett eller flere ord. Søket finner også andre former av ordene. Velg verdier i filtrene "
            + "for å søke bare i noen av sidene.",
        "searchCountFiltered": "{n} resultater for «{q}» blant de valgte sidene",
        "searchCountFilteredOne": "1 resultat for «{q}» blant de valgte sidene",
        "searchCountFilteredNone": "Ingen resultater for «{q}» blant de valgte sidene",
        "searchListCount": "{n} sider med de valgte filtrene",
        "searchListCountOne": "1 side med de valgte filtrene",
        "searchNoneBrowse": "Bla i sidene etter emne:",
        "searchFailed": "Søket kunne ikke lastes inn. Du kan fortsatt finne alle sider gjennom menyen.",
        "searchNoScriptHelp": "Du kan fortsatt finne alt på nettstedet gjennom menyen øverst.",
        "searchFilterHelp":
            "Velg én eller flere verdier for å søke bare i sidene som har dem. Tallene viser hvor mange "
            + "sider hvert valg gir med det du har søkt etter.",
        "search.kind.project": "Side",
    ]

    static let portuguese: KeyValuePairs<String, String> = [
        "projectsHeading": "Páginas",
        "projectsUnit": "páginas",
        "noProjects": "Ainda não há páginas aqui.",
        "filterHeading": "Filtrar páginas",
        "filterHelp": "Escolha um valor para ver as páginas que o têm.",
        "filterHelpEnhanced":
            "Escolha um ou mais valores. A lista mostra as páginas que têm algum dos valores escolhidos em "
            + "cada grupo.",
        "filterStatus": "{n} páginas exibidas",
        "filterStatusAll": "Todas as {n} páginas exibidas",
        "filterStatusNone": "Nenhuma página corresponde às suas escolhas.",
        "filterEmpty":
            "Nenhuma página tem todos os valores escolhidos. Remova uma escolha ou mostre todas as páginas "
            + "novamente.",
        "filterReset": "Mostrar todas as páginas",
        "filterMore": "Mostrar mais páginas",
        "filterLoading": "Carregando as páginas …",
        "pagerShowing": "Páginas {first}–{last} de {count}",
        "searchHelp":
            "Digite uma ou mais palavras. A pesquisa também encontra outras formas das palavras. Para "
            + "pesquisar apenas algumas páginas, escolha valores nos filtros.",
        "searchCountFiltered": "{n} resultados para “{q}” entre as páginas escolhidas",
        "searchCountFilteredOne": "1 resultado para “{q}” entre as páginas escolhidas",
        "searchCountFilteredNone": "Nenhum resultado para “{q}” entre as páginas escolhidas",
        "searchListCount": "{n} páginas com os filtros escolhidos",
        "searchListCountOne": "1 página com os filtros escolhidos",
        "searchNoneBrowse": "Navegar pelas páginas por etiqueta:",
        "searchFailed": "Não foi possível carregar a pesquisa. Você ainda pode encontrar cada página pelo menu.",
        "searchNoScriptHelp": "Você ainda pode encontrar tudo no site pelo menu no topo.",
        "searchFilterHelp":
            "Escolha um ou mais valores para pesquisar apenas as páginas que os têm. Os números mostram "
            + "quantas páginas cada escolha dá com o que você pesquisou.",
        "search.kind.project": "Página",
    ]

    static let italian: KeyValuePairs<String, String> = [
        "projectsHeading": "Pagine",
        "projectsUnit": "pagine",
        "noProjects": "Non ci sono ancora pagine qui.",
        "filterHeading": "Filtra le pagine",
        "filterHelp": "Scegli un valore per vedere le pagine che lo hanno.",
        "filterHelpEnhanced":
            "Scegli uno o più valori. L'elenco mostra le pagine che hanno almeno uno dei valori scelti in "
            + "ogni gruppo.",
        "filterStatus": "{n} pagine mostrate",
        "filterStatusAll": "Tutte le {n} pagine mostrate",
        "filterStatusNone": "Nessuna pagina corrisponde alle tue scelte.",
        "filterEmpty":
            "Nessuna pagina ha tutti i valori scelti. Togli una scelta o mostra di nuovo tutte le pagine.",
        "filterReset": "Mostra tutte le pagine",
        "filterMore": "Mostra altre pagine",
        "filterLoading": "Caricamento delle pagine …",
        "pagerShowing": "Pagine {first}–{last} di {count}",
        "searchHelp":
            "Scrivi una o più parole. La ricerca trova anche altre forme delle parole. Per cercare solo in "
            + "alcune pagine, scegli dei valori nei filtri.",
        "searchCountFiltered": "{n} risultati per «{q}» tra le pagine scelte",
        "searchCountFilteredOne": "1 risultato per «{q}» tra le pagine scelte",
        "searchCountFilteredNone": "Nessun risultato per «{q}» tra le pagine scelte",
        "searchListCount": "{n} pagine con i filtri scelti",
        "searchListCountOne": "1 pagina con i filtri scelti",
        "searchNoneBrowse": "Sfoglia le pagine per etichetta:",
        "searchFailed": "Non è stato possibile caricare la ricerca. Puoi comunque trovare ogni pagina dal menu.",
        "searchNoScriptHelp": "Puoi comunque trovare tutto sul sito dal menu in alto.",
        "searchFilterHelp":
            "Scegli uno o più valori per cercare solo nelle pagine che li hanno. I numeri indicano quante "
            + "pagine dà ogni scelta con ciò che hai cercato.",
        "search.kind.project": "Pagina",
    ]

    static let dutch: KeyValuePairs<String, String> = [
        "projectsHeading": "Pagina's",
        "projectsUnit": "pagina's",
        "noProjects": "Er zijn hier nog geen pagina's.",
        "filterHeading": "Pagina's filteren",
        "filterHelp": "Kies een waarde om de pagina's te zien die hem hebben.",
        "filterHelpEnhanced":
            "Kies een of meer waarden. De lijst toont de pagina's die in elke groep een van de gekozen "
            + "waarden hebben.",
        "filterStatus": "{n} pagina's getoond",
        "filterStatusAll": "Alle {n} pagina's getoond",
        "filterStatusNone": "Geen pagina's passen bij uw keuze.",
        "filterEmpty":
            "Geen pagina heeft alle gekozen waarden. Verwijder een keuze, of toon weer alle pagina's.",
        "filterReset": "Alle pagina's tonen",
        "filterMore": "Meer pagina's tonen",
        "filterLoading": "De pagina's worden geladen …",
        "pagerShowing": "Pagina's {first}–{last} van {count}",
        "searchHelp":
            "Typ een of meer woorden. De zoekfunctie vindt ook andere vormen van de woorden. Om alleen in "
            + "sommige pagina's te zoeken, kiest u waarden in de filters.",
        "searchCountFiltered": "{n} resultaten voor ‘{q}’ in de gekozen pagina's",
        "searchCountFilteredOne": "1 resultaat voor ‘{q}’ in de gekozen pagina's",
        "searchCountFilteredNone": "Geen resultaten voor ‘{q}’ in de gekozen pagina's",
        "searchListCount": "{n} pagina's met de gekozen filters",
        "searchListCountOne": "1 pagina met de gekozen filters",
        "searchNoneBrowse": "De pagina's per label bekijken:",
        "searchFailed": "De zoekfunctie kon niet worden geladen. U kunt elke pagina nog steeds via het menu vinden.",
        "searchNoScriptHelp": "U kunt nog steeds alles op de website vinden via het menu bovenaan.",
        "searchFilterHelp":
            "Kies een of meer waarden om alleen te zoeken in de pagina's die ze hebben. De getallen tonen "
            + "hoeveel pagina's elke keuze geeft met wat u zocht.",
        "search.kind.project": "Pagina",
    ]
}
