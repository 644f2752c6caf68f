"""A harm of position (2026-12-02, seventh session): a related-content box
cut short by junk inside it made a long run of the article's own lines look
like a short box, which the size guard let through. And the headline found
above the lead still comes out. Wordings written for this file."""
import newsclean

LEAD = ("The regional government on Thursday approved a plan to rebuild the flood defences along the lower river, "
        "after two winters in which the water reached the old town and forced hundreds of families from their homes.")
REST = ("Engineers will raise the embankments by half a metre over the next four years, starting with the "
        "stretch below the railway bridge where the river broke through last January.\n\n"
        "The plan also pays farmers upstream to let fields flood in a crisis, so that less water reaches the "
        "town, and sets aside money for pumps in the lowest streets.\n\n"
        "Residents said the work was overdue and asked that the embankments be finished before the next winter.")


def test_junk_inside_a_long_list_does_not_make_it_a_related_box():
    # A long list under a "Don't miss" header is the article's (longer than
    # the prose around it); junk inside it (an icon font's class string) does
    # not cut it short into a box the size guard lets through.
    names = ["Harbour Road pumps", "Mill Lane gates", "Old Town wall", "Station Street drains", "Bridge Quay barrier",
             "Market Square pumps", "Church Walk gates", "Riverside Park dyke", "North Meadow basin",
             "Ferry Lane wall", "Canal Street pumps", "West Field basin"]
    text = (LEAD + "\n\nDon't miss\n\n" + "\n\n".join(names[:6]) + "\n\nfa fa-share-alt\n\n"
            + "\n\n".join(names[6:]) + "\n\n" + REST.split("\n\n")[0])
    art = newsclean.clean_text(text)
    for name in names:
        assert name in art.text, [(r.rule, r.text[:50]) for r in art.removed]
