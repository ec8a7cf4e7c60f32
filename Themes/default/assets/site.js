/* Kretslopp default theme: progressive enhancement only.
   Everything works without this file. Facet filtering (reading the data-param / data-slug
   attributes of the filter links and data-facets of the project cards) and search come in
   later issues. No modules, no fetch(): the site must also work from file://. */
