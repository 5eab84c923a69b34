"""Keeping practice fresh: review dates, the due-for-review report, reminders, receipts."""
