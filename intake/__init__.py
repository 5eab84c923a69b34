"""Getting practice in from spreadsheets: the `import_practice` command, its template, and the
same import for VRU moderators in the admin, checked and run by the background worker."""
