"""How documents are run: a time guard per document and a supervised pool of worker processes."""
