@testable import Search

/// A small Swedish site that exercises every way of matching: inflections, compounds,
/// diacritics, facets. The browser test searches the same documents.
enum FixtureDocuments {
    static func document(
        _ path: String, _ title: String, summary: String = "", headings: [String] = [], body: String,
        keywords: [String] = [], facets: [String] = []
    ) -> SearchDocument {
        SearchDocument(
            path: path, title: title, summary: summary, headings: headings, body: body, keywords: keywords,
            facets: facets)
    }

    static let all: [SearchDocument] = [
        document(
            "/projekt/upphandling-av-mobler/", "Upphandling av möbler",
            summary: "Hur kommuner köper begagnade möbler.",
            headings: ["Krav i upphandlingen"],
            body: "Kommunen ställer krav på återbruk när den gör en upphandling av möbler. "
                + "En möbel kan renoveras flera gånger innan den blir avfall.",
            keywords: ["cirkulär"], facets: ["tagg:cirkular", "omrade:stad"]),
        document(
            "/projekt/cirkulara-goteborg/", "Cirkulära Göteborg",
            summary: "Staden arbetar med cirkulär ekonomi.",
            body: "Göteborgs stad bygger en cirkulär ekonomi med delning och reparation av saker.",
            facets: ["tagg:cirkular", "omrade:stad"]),
        document(
            "/projekt/cirkulara-mobelfloden/", "Affärsmodellinnovation för cirkulära möbelflöden",
            summary: "Nya affärsmodeller för begagnad inredning.",
            headings: ["Bakgrund"],
            body: "Projektet undersöker hur möbelflöden kan bli cirkulära genom nya affärsmodeller "
                + "och hur flöden av inredning kan följas upp.",
            facets: ["tagg:cirkular"]),
        document(
            "/projekt/klimatanpassning-i-staden/", "Klimatanpassning i staden",
            summary: "Skyfall och värmeböljor kräver åtgärder.",
            body: "Klimatanpassningen handlar om skyfall, värmeböljor och grönytor i staden.",
            facets: ["tagg:klimatanpassad", "omrade:stad"]),
        document(
            "/projekt/anpassning-av-krav/", "Anpassning av krav",
            body: "En anpassning av kraven gör upphandlingen enklare för små leverantörer.",
            facets: ["tagg:klimatanpassad", "omrade:region"]),
        document(
            "/projekt/upphandlingsmyndigheten/", "Upphandlingsmyndigheten stöttar",
            body: "Upphandlingsmyndigheten ger stöd till myndigheten och kommunerna.",
            facets: ["omrade:nationell"]),
        document(
            "/om/", "Om programmet",
            summary: "Klimatanpassad och cirkulär offentlig upphandling.",
            body: "Programmet samlar projekt om klimatanpassad och cirkulär offentlig upphandling. "
                + "Frågor & svar om <upphandling> finns på sidan.",
            facets: []),
        document(
            "/projekt/elbussar/", "Miljökrav för elbussar",
            body: "Regionen upphandlar elbussar med miljökrav. Det är bättre för klimat och miljö. "
                + "Upphandlingar av bussar tar tid.",
            keywords: ["Västtrafik"], facets: ["tagg:klimatanpassad", "omrade:region"]),
    ]
}
