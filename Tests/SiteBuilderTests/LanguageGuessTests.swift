import Testing

@testable import SiteBuilder

/// The language `kretslopp import` writes for a folder of pages is guessed from their words: by
/// script where the letters are not Latin, else by each language's commonest words, near
/// languages (Swedish, Danish, Norwegian) told apart by the words they do not share.
@Suite struct LanguageGuessTests {
    static let prose: [String: String] = [
        "sv": """
        Det här är en vägledning för den som ska upphandla möbler. Den visar hur man kan ställa krav på \
        återbruk och reparation, och varför det ofta är billigare än att köpa nytt. Om det inte finns en \
        marknad för begagnade möbler i kommunen kan man i stället ställa krav på att leverantören tar \
        hand om de möbler som redan finns. Vi har skrivit den tillsammans med kommunerna.
        """,
        "da": """
        Det her er en vejledning for den, som skal købe møbler ind. Den viser, hvordan man kan stille krav \
        om genbrug og reparation, og hvorfor det ofte er billigere end at købe nyt. Hvis der ikke er et \
        marked for brugte møbler i kommunen, kan man i stedet stille krav om, at leverandøren tager sig af \
        de møbler, som allerede findes. Vi har skrevet den sammen med kommunerne af hensyn til miljøet.
        """,
        "nb": """
        Dette er en veiledning for den som skal kjøpe inn møbler. Den viser hvordan man kan stille krav om \
        gjenbruk og reparasjon, og hvorfor det ofte er billigere enn å kjøpe nytt. Hvis det ikke finnes et \
        marked for brukte møbler i kommunen, kan man i stedet stille krav om at leverandøren tar vare på de \
        møblene som allerede finnes. Vi har skrevet den sammen med kommunene av hensyn til miljøet.
        """,
        "en": """
        This is a guide for anyone who buys furniture for a public body. It shows how to ask for reuse and \
        repair in a tender, and why that is often cheaper than buying new. If there is no market for used \
        furniture in the area, you can instead ask the supplier to look after the furniture that is already \
        there. We wrote it with the municipalities, and it is free to use.
        """,
        "de": """
        Dies ist ein Leitfaden für alle, die Möbel für eine Behörde einkaufen. Er zeigt, wie man in einer \
        Ausschreibung Wiederverwendung und Reparatur verlangen kann, und warum das oft günstiger ist als ein \
        Neukauf. Wenn es in der Gegend keinen Markt für gebrauchte Möbel gibt, kann man stattdessen vom \
        Lieferanten verlangen, dass er sich um die vorhandenen Möbel kümmert. Wir haben ihn mit den \
        Gemeinden geschrieben, und er ist für alle frei.
        """,
        "fr": """
        Ceci est un guide pour tous ceux qui achètent des meubles pour un organisme public. Il montre \
        comment demander le réemploi et la réparation dans un appel d'offres, et pourquoi cela coûte \
        souvent moins cher que le neuf. S'il n'y a pas de marché pour les meubles d'occasion dans la région, \
        vous pouvez demander au fournisseur de prendre soin des meubles qui sont déjà là. Nous l'avons écrit \
        avec les communes.
        """,
        "es": """
        Esta es una guía para quien compra muebles para un organismo público. Muestra cómo pedir la \
        reutilización y la reparación en una licitación, y por qué eso suele ser más barato que comprar \
        nuevo. Si no hay un mercado de muebles usados en la zona, se puede pedir al proveedor que se ocupe \
        de los muebles que ya existen. La escribimos con los municipios y es libre para todos los que la \
        necesiten.
        """,
        "pt": """
        Este é um guia para quem compra móveis para um órgão público. Ele mostra como pedir a reutilização \
        e o reparo em uma licitação, e por que isso costuma ser mais barato do que comprar novo. Se não há \
        um mercado de móveis usados na região, é possível pedir ao fornecedor que cuide dos móveis que já \
        existem. Nós o escrevemos com os municípios e ele é livre para todos.
        """,
        "nl": """
        Dit is een handleiding voor wie meubels koopt voor een overheid. Het laat zien hoe je in een \
        aanbesteding kunt vragen om hergebruik en reparatie, en waarom dat vaak goedkoper is dan nieuw \
        kopen. Als er in de regio geen markt is voor gebruikte meubels, kun je de leverancier vragen om voor \
        de meubels te zorgen die er al zijn. We hebben het samen met de gemeenten geschreven en het is voor \
        iedereen vrij.
        """,
        "fi": """
        Tämä on opas kaikille, jotka ostavat huonekaluja julkiselle organisaatiolle. Se näyttää, miten \
        tarjouspyynnössä voi vaatia uudelleenkäyttöä ja korjausta, ja miksi se on usein halvempaa kuin uuden \
        ostaminen. Jos alueella ei ole markkinoita käytetyille huonekaluille, voi toimittajalta vaatia, että \
        se huolehtii jo olemassa olevista huonekaluista. Kirjoitimme sen kuntien kanssa, ja se on myös \
        kaikkien vapaasti käytettävissä, kun sitä tarvitaan.
        """,
    ]

    @Test(arguments: ["sv", "da", "nb", "en", "de", "fr", "es", "pt", "nl", "fi"])
    func proseInALatinScriptLanguage(_ tag: String) throws {
        let text = try #require(Self.prose[tag])
        let guess = LanguageGuess.language(of: [text])
        #expect(guess.tag == tag)
        #expect(guess.sure)
    }

    @Test func otherScriptsByTheirLetters() {
        func guess(_ text: String) -> String { LanguageGuess.language(of: [text]).tag }
        #expect(guess("这是一个关于公共采购的指南，我们说明如何在招标中提出再利用的要求。") == "zh")
        #expect(guess("這是一個關於公共採購的指南，我們說明如何在招標中提出再利用的要求。") == "zh-TW")
        #expect(guess("これは公共調達のためのガイドです。再利用の要件をどのように書くかを説明します。") == "ja")
        #expect(guess("이것은 공공 조달을 위한 안내서입니다. 재사용 요구 사항을 작성하는 방법을 설명합니다.") == "ko")
        #expect(guess("Это руководство для тех, кто покупает мебель для государственных учреждений.") == "ru")
        #expect(guess("Це посібник для тих, хто купує меблі для державних установ, і він безкоштовний.") == "uk")
        #expect(guess("Αυτός είναι ένας οδηγός για όσους αγοράζουν έπιπλα για δημόσιους φορείς.") == "el")
        #expect(guess("هذا دليل لمن يشتري الأثاث للهيئات العامة.") == "ar")
        #expect(guess("זהו מדריך למי שקונה רהיטים עבור גופים ציבוריים.") == "he")
        #expect(guess("นี่คือคู่มือสำหรับผู้ที่ซื้อเฟอร์นิเจอร์ให้หน่วยงานรัฐ") == "th")
        #expect(guess("यह सार्वजनिक संस्थाओं के लिए फर्नीचर खरीदने वालों के लिए एक मार्गदर्शिका है।") == "hi")
    }

    /// Code, front matter, tags and link targets are not the language's words; a page of few
    /// words is English, said to be a guess.
    @Test func onlyProseCountsAndFewWordsAreAGuess() {
        let page = """
            ---
            title: Det är en titel och den är på svenska
            ---
            The <span class="och att det är">guide</span> is [here](och/att/det/som.md) and `och att det är`.

            ```
            och att det är som för en på med av inte till
            ```

                och att det är som för en på med av inte till
            """
        #expect(LanguageGuess.language(of: [page]).tag == "en")
        #expect(LanguageGuess.language(of: [page]).sure == false)
        #expect(LanguageGuess.language(of: []) == ("en", false))
        #expect(LanguageGuess.language(of: ["1234 5678"]) == ("en", false))
        // Words of one letter say nothing (`y` is Spanish, but also a variable's name).
        #expect(
            LanguageGuess.language(of: ["# Home\n\nSee [a](a/).\n", "# X\n\nx.\n", "# Y\n\ny y.\n"]) == ("en", false))
    }
}
