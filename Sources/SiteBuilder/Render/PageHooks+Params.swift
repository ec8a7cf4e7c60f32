extension PageHooks {
    /// Hugo's `{{< param "name" >}}`: the page's own value, else the site's (`SiteParams`).
    func param(_ name: String) -> String? {
        SiteParams.value(name, frontMatter: page.frontMatter, site: site.config.params)
    }
}
