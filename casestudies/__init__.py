"""Practice content: case studies, recommendations, definitions and their taxonomies."""
