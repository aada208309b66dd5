"""The sample KB of the search tests and small helpers shared by their modules."""

from __future__ import annotations

KB_FILES = {
    "_kb.yml": "synonyms:\n  - [refund, money back, возврат, вернуть деньги]\n  - [promo code, coupon, промокод]\n",
    "payments/refund.en.md": (
        "---\nid: refund\nlang: en\ntags: [refunds, payments]\nproduct: Shopwave\n"
        "questions: ['How do I get my money back?']\nreviewed: 2020-01-01\nreview_every: 30\n---\n"
        "# Refund to a bank card\n\nRefunds reach the card in 3 to 10 business days.\n\n"
        "## Reply: Refund started\nHello {{customer_name|there}}, your refund is on its way.\n"
    ),
    "payments/refund.ru.md": (
        "---\nid: refund-ru\nlang: ru\ntags: [refunds, payments]\nproduct: Shopwave\n"
        "questions: ['Как вернуть деньги?', 'Когда придут деньги']\n---\n"
        "# Возврат денег на карту\n\nДеньги возвращаются на карту за 3–10 рабочих дней.\n\n"
        "## Ответ: Возврат оформлен\nЗдравствуйте! Возврат оформлен.\n"
    ),
    "account/password.ru.md": (
        "---\nid: password-ru\nlang: ru\ntags: [account]\n---\n"
        "# Как сбросить пароль\n\nНажмите «Забыли пароль?» на странице входа. Ссылка действует 24 часа.\n"
    ),
    "account/password.en.md": (
        "---\nid: password\nlang: en\ntags: [account]\n---\n"
        "# Reset a forgotten password\n\nClick 'Forgot password?' on the sign-in page. Say hello to the customer.\n"
    ),
    "delivery/tracking.ru.md": (
        "---\nid: tracking-ru\nlang: ru\ntags: [delivery]\n---\n"
        "# Отслеживание посылки\n\nТрек-номер приходит в письме после отправки заказа. Ещё его видно в приложении.\n"
    ),
    "promo/promo.en.md": (
        "---\nid: promo\nlang: en\ntags: [promo]\n---\n# Coupon does not apply\n\nCheck the coupon's dates and minimum order.\n"
    ),
    "snippets/hello.en.md": "---\nid: hello\ntype: snippet\nlang: en\n---\n# Greeting\n\nHello {{customer_name|there}}!\n",
}
"""A small bilingual KB: synonyms across languages, a stale article, a snippet."""

ARTICLE_COUNT = len(KB_FILES) - 1
"""Every file but ``_kb.yml`` is an article."""


def top_ids(results, n=3):
    """The ids of the first ``n`` hits."""
    return [hit.id for hit in results.hits[:n]]
