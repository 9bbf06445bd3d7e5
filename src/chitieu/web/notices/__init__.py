"""In-app notifications (and e-mail when mail is configured) on the review workflow's steps."""
