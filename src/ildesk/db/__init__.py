"""The content database: typed models, opening it read-only, building it from data/."""
