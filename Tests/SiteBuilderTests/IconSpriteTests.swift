import Testing

@testable import SiteBuilder

@Suite struct IconSpriteTests {
    @Test func eachIconBecomesASymbolWithItsViewBoxAndPaint() throws {
        let sprite = try IconSprite(icons: [
            "fot":
                #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" "#
                + #"width="24"><path d="M1 1z"/></svg>"#,
            "a": "<svg viewBox='0 0 8 8'><circle r='1'/></svg>",
        ])
        #expect(
            sprite.sprite
                == #"<svg class="icon-sprite" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" focusable="false">"#
                + #"<symbol id="kl-icon-a" viewBox="0 0 8 8"><circle r='1'/></symbol>"#
                + #"<symbol id="kl-icon-fot" viewBox="0 0 24 24" fill="currentColor"><path d="M1 1z"/></symbol></svg>"#)
        #expect(
            sprite.use("fot")
                == ##"<svg class="icon icon--fot" aria-hidden="true" focusable="false">"##
                + ##"<use href="#kl-icon-fot"></use></svg>"##
        )
        #expect(sprite.use("missing") == "")
        #expect(IconSprite().sprite == "")
    }

    @Test(arguments: [("x", "<p>not svg</p>", "not an SVG file"), ("bad name", "<svg></svg>", "icon names may only")])
    func badIconsAreReported(name: String, svg: String, message: String) {
        let error = #expect(throws: IconSprite.Problem.self) { try IconSprite(icons: [name: svg]) }
        #expect(error?.message.contains(message) == true)
    }
}
