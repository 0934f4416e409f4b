"""A static-site generator for explainer briefings: YAML facts in, a searchable site out."""
