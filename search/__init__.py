"""The public practice library: its search index, query layer, views and API."""
