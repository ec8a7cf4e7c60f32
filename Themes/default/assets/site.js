/* Kretslopp default theme: progressive enhancement only.
   Everything works without this file. Facet filtering lives in filters.js; search comes in a
   later issue. No modules, no fetch(): the site must also work from file://. */
