"""Where records go: renderers for the terminal and files (and, as they come, Parquet and the store)."""
