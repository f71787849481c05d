"""What the build tells outside the site: annotations and the job summary in GitHub Actions."""
