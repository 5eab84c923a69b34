"""The roadmap (stages of progress and a self-assessment) and the landscape of practice."""
