"""How change happens: a page for each driver of change, with its theory of change."""
