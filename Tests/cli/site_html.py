"""Reading what the build wrote, for the command-line tests."""
import re


def nav_order(html):
    """The titles of the site's navigation (`<nav class="site-nav">`) in the order shown."""
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    return [re.sub(r"<[^>]+>", "", title).strip() for title in re.findall(r"<a [^>]*>(.*?)</a>", nav, re.S)]
