"""Search insight for moderators: what people look for in the library, counted per day with
nothing that identifies them, the "What people look for" report, and forgetting old counts."""
