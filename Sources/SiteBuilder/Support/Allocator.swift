#if canImport(CMimalloc)
    import CMimalloc
#endif

/// How the process's allocator, mimalloc (linked on Linux), takes memory from the system and
/// gives it back.
public enum Allocator {
    /// For a process that builds once and exits (`kretslopp build`), set before the build
    /// allocates: memory comes in 2 MiB pages where the kernel offers transparent huge pages,
    /// and what is freed stays with the process for reuse instead of going back to the system.
    ///
    /// Each 4 KiB page the build touches first costs a page fault, about 8% of a 10,000-page
    /// build's CPU time; a 2 MiB page costs one fault for 512 of them. Giving memory back splits
    /// such pages and faults again when it is reused. Together: 3–4% less CPU time, ~10% more
    /// peak memory (paired runs on both corpus styles). The preview server
    /// keeps the defaults: it runs for hours and should give back what an edit used.
    public static func tuneForOneBuild() {
        #if canImport(CMimalloc)
            mi_option_enable(mi_option_large_os_pages)
            mi_option_disable(mi_option_allow_decommit)
        #endif
    }

    /// Whether memory comes in large pages and whether freed memory goes back to the system;
    /// nil where the process does not run on mimalloc.
    public static var settings: (largePages: Bool, givesBack: Bool)? {
        #if canImport(CMimalloc)
            return (mi_option_is_enabled(mi_option_large_os_pages), mi_option_is_enabled(mi_option_allow_decommit))
        #else
            return nil
        #endif
    }
}
