import Hummingbird
import SiteBuilder

/// Placeholder: the preview server is being written.
public enum PreviewServerPlaceholder {}
