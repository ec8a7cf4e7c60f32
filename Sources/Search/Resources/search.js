// The search engine that reads the index format lives here (see Sources/Search/README.md).
