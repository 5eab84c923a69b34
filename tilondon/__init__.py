"""The Practice Library's Django configuration package."""
