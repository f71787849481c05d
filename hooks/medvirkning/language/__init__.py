"""The language of the text: one term per concept (the termbase, one quotation-mark system per
language) and bokmål parts of nn and en pages marked lang="nb"."""
