"""What every part of the site shares: StreamField blocks, the one rule for what the public may
see, and site navigation. It imports no other app of the site's own."""
