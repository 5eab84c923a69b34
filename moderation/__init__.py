"""Roles, the VRU moderation workflow, its notifications and the editors' dashboard.

Champions write case studies and submit them; VRU moderators review, approve and publish.
"""
