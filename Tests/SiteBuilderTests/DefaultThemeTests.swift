import Foundation
import Testing

@testable import SiteBuilder

/// Which theme a build uses when `--theme` is not given.
@Suite struct DefaultThemeTests {
    let scratch: ScratchFolder

    init() throws { scratch = try ScratchFolder("default-theme") }

    private func folder(_ path: String) throws -> URL {
        let url = scratch.url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func file(_ path: String) throws -> URL {
        let url = scratch.url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("#!/bin/sh\n".utf8).write(to: url)
        return url
    }

    private func real(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().path }

    @Test func theWorkingFoldersOwnThemeComesFirst() throws {
        let project = try folder("project")
        _ = try folder("project/Themes/default/templates")
        _ = try folder("checkout/Themes/default/templates")
        let executable = try file("checkout/.build/release/kretslopp")
        #expect(DefaultTheme.folder(workingDirectory: project, executable: executable) == "Themes/default")
    }

    @Test func elsewhereTheThemeBesideTheExecutableIsUsed() throws {
        let docs = try folder("someones-docs")
        let theme = try folder("checkout/Themes/default/templates").deletingLastPathComponent()
        let executable = try file("checkout/.build/x86_64-unknown-linux-gnu/release/kretslopp")
        let found = DefaultTheme.folder(workingDirectory: docs, executable: executable)
        #expect(real(found) == real(theme.path))
    }

    @Test func aSymbolicLinkToTheExecutableIsFollowed() throws {
        let docs = try folder("docs")
        let theme = try folder("checkout/Themes/default/templates").deletingLastPathComponent()
        let executable = try file("checkout/.build/release/kretslopp")
        let link = try folder("bin").appendingPathComponent("kretslopp")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: executable)
        #expect(real(DefaultTheme.folder(workingDirectory: docs, executable: link)) == real(theme.path))
    }

    @Test func anInstalledLayoutHasItsThemeInShare() throws {
        let docs = try folder("docs")
        let theme = try folder("usr/share/kretslopp/Themes/default/templates").deletingLastPathComponent()
        let executable = try file("usr/bin/kretslopp")
        #expect(real(DefaultTheme.folder(workingDirectory: docs, executable: executable)) == real(theme.path))
    }

    @Test func aFolderWithoutTemplatesIsNoTheme() throws {
        let docs = try folder("docs")
        // A project's half-made Themes/default (no templates yet) does not hide the shipped one.
        _ = try folder("docs/Themes/default/assets")
        let executable = try file("lonely/kretslopp")
        #expect(DefaultTheme.folder(workingDirectory: docs, executable: executable) == "Themes/default")
        #expect(DefaultTheme.folder(workingDirectory: docs, executable: nil) == "Themes/default")
    }
}
