"""A seeded generator of realistic Russian + English support knowledge bases.

The corpus is written to disk as Markdown articles with front matter, the way a
real KB lives: nested category folders, titles, ``questions:``, tags, reply
sections (``## Reply: NAME`` / ``## Ответ: NAME``) with ``{{placeholders}}``.

What makes it realistic enough for search benchmarks:

* a vocabulary of about three thousand base words per language: a few hundred
  real support-domain stems (Russian nouns in six cases and two numbers, verbs in
  present, past and imperative forms, adjectives in all genders; English plurals,
  ``-s``/``-ed``/``-ing`` forms and irregular verbs) followed by a long tail of
  pronounceable made-up words that inflect by the same paradigms;
* Zipf-like frequencies (function words on top), each article about a "topic" of
  a few words it repeats, article lengths drawn from a log-normal distribution
  (median about 250 words, long tail up to 3,000);
* product names and codes drawn from a pool that grows with the corpus, so the
  number of distinct index terms grows with size as in real collections.

Generated corpora are cached by (size, seed, Russian share) under the system
temporary folder (or ``$KB_BENCH_CACHE``), so reruns reuse them. Beside the
articles the generator writes ``_bench_meta.json`` (ignored by the KB loader, as
every ``_`` name is): each article's id, path, language and topic words, which
:func:`generate_questions` turns into customer questions with an answer.
"""

from __future__ import annotations

import bisect
import json
import math
import os
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

CORPUS_VERSION = 1
"""Bump when the generator's output changes, so cached corpora are regenerated."""
META_FILE = "_bench_meta.json"
SYNTHETIC_LEMMAS = 2600
"""Made-up words per language after the real stems: the long tail of the vocabulary."""
FUNCTION_SHARE = 0.4
"""Share of running-text tokens that are function words (prepositions, pronouns ...)."""
TOPIC_SHARE = 0.12
"""Share of running-text tokens replaced by the article's own topic words."""
MEDIAN_WORDS, LENGTH_SIGMA, MIN_WORDS, MAX_WORDS = 250, 0.8, 40, 3000

# ---------------------------------------------------------------------------
# Russian: paradigms and real stems
# ---------------------------------------------------------------------------

# paradigm -> (ending of the dictionary form, endings of the forms generated)
# nouns: nom, gen, dat, acc, ins, prep (singular), then the same in the plural minus acc
RU_PARADIGMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "m": ("", ("", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах")),
    "mk": ("", ("", "а", "у", "ом", "е", "и", "ов", "ам", "ами", "ах")),
    "msh": ("", ("", "а", "у", "ом", "е", "и", "ей", "ам", "ами", "ах")),
    "ms": ("ь", ("ь", "я", "ю", "ем", "е", "и", "ей", "ям", "ями", "ях")),
    "mi": ("й", ("й", "я", "ю", "ем", "е", "и", "ев", "ям", "ями", "ях")),
    "f": ("а", ("а", "ы", "е", "у", "ой", "", "ам", "ами", "ах")),
    "fk": ("а", ("а", "и", "е", "у", "ой", "*", "ам", "ами", "ах")),
    "fsh": ("а", ("а", "и", "е", "у", "ей", "", "ам", "ами", "ах")),
    "fs": ("ь", ("ь", "и", "ью", "ей", "ям", "ями", "ях")),
    "fi": ("ия", ("ия", "ии", "ию", "ией", "ий", "иям", "иями", "иях")),
    "fya": ("я", ("я", "и", "е", "ю", "ей", "й", "ям", "ями", "ях")),
    "n": ("о", ("о", "а", "у", "ом", "е", "", "ам", "ами", "ах")),
    "ne": ("е", ("е", "я", "ю", "ем", "ей", "ям", "ями", "ях")),
    "nie": ("ие", ("ие", "ия", "ию", "ием", "ии", "ий", "иям", "иями", "иях")),
    "adj": ("ый", ("ый", "ого", "ому", "ым", "ом", "ая", "ой", "ую", "ое", "ые", "ых", "ыми")),
    "adjo": ("ой", ("ой", "ого", "ому", "ым", "ом", "ая", "ую", "ое", "ые", "ых", "ыми")),
    "adjk": ("ий", ("ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ое", "ие", "их", "ими")),
    "adjsh": ("ий", ("ий", "его", "ему", "им", "ем", "ая", "ей", "ую", "ее", "ие", "их", "ими")),
    "adjs": ("ий", ("ий", "его", "ему", "им", "ем", "яя", "ей", "юю", "ее", "ие", "их", "ими")),
    "v1": ("ть", ("ть", "ю", "ешь", "ет", "ем", "ете", "ют", "л", "ла", "ли", "й", "йте",
                  "ется", "ются", "лся", "лась", "лись")),
    "ova": ("овать", ("овать", "ую", "ует", "уем", "уете", "уют", "овал", "овала", "овали",
                      "уй", "уйте", "уется", "уются", "овался", "овалась", "овались")),
    "v2": ("ить", ("ить", "ишь", "ит", "им", "ите", "ят", "ил", "ила", "или", "и",
                   "ится", "ятся", "ился", "илась", "ились")),
    "v2sh": ("ить", ("ить", "ишь", "ит", "им", "ите", "ат", "ил", "ила", "или", "и",
                     "ится", "атся", "ился", "илась", "ились")),
    "v2e": ("еть", ("еть", "ишь", "ит", "им", "ите", "ят", "ел", "ела", "ели", "и")),
    "vnu": ("уть", ("уть", "у", "ешь", "ет", "ем", "ете", "ут", "ул", "ула", "ули", "и", "ите",
                    "ется", "утся", "улся", "улась", "улись")),
}

RU_WORDS = """
m: заказ товар возврат аккаунт курьер клиент менеджер магазин склад статус номер телефон
   баланс счет кабинет раздел сервис сайт браузер файл документ договор тариф лимит перевод
   доступ вход выход код запрос ответ вопрос отзыв рейтинг чат оператор специалист сертификат
   купон промокод бонус процент интервал пункт город регион район дом этаж подъезд индекс
   формат размер цвет вес объем габарит дефект ремонт режим экран планшет компьютер смартфон
   драйвер сервер релиз патч протокол отчет график час год момент период процесс результат
   пример вариант способ метод механизм параметр фильтр интерфейс дизайн шаблон текст символ
   пробел абонент контакт логин спам вирус токен штраф кредит депозит расчет курс доллар цент
   тип приоритет инцидент тикет пакет груз маршрут транспорт терминал банкомат филиал офис
   адресат партнер акт паспорт полис архив журнал модератор администратор агент робот бот
   алгоритм аккумулятор заряд адаптер микрофон талон кешбэк остаток чехол трек курсор
mk: чек банк срок шаг каталог брак поиск знак язык ноутбук звук динамик наушник сотрудник
   поставщик подрядчик бланк лог долг налог датчик
msh: платеж ключ гараж
ms: профиль пользователь покупатель получатель отправитель календарь рубль модуль кабель
    автомобиль водитель пароль
mi: случай сбой комментарий сценарий дисплей музей
f: карта сумма оплата страница форма почта корзина цена валюта программа система проблема
   причина отмена замена жалоба смена дата машина фирма команда группа единица база зона
   витрина камера клавиатура анкета реклама выплата зарплата касса таблица
fk: доставка посылка ошибка скидка кнопка ссылка настройка подписка покупка задержка упаковка
    коробка наклейка этикетка строка колонка услуга книга блокировка разблокировка проверка
    отправка точка площадка полка подсказка вкладка иконка папка загрузка выгрузка справка
    заявка рассылка карточка доработка оценка
fsh: выдача задача сдача передача встреча
fs: запись новость роль связь сеть очередь стоимость возможность безопасность скорость
    ответственность неисправность область часть модель деталь память панель подпись печать
fi: комиссия версия функция операция категория претензия гарантия линия квитанция инструкция
    информация компания организация позиция партия акция регистрация авторизация
    аутентификация верификация копия синхронизация интеграция лицензия премия консультация
fya: батарея
n: устройство место слово дело лицо средство качество количество сообщество
ne: поле
nie: уведомление приложение подтверждение сообщение обновление изменение решение обращение
     списание оформление подключение отключение восстановление соглашение предложение условие
     значение расписание поступление начисление удаление сохранение соединение оборудование
     подразделение отделение ожидание название описание содержание требование обслуживание
     сопровождение исключение ограничение разрешение вложение отправление получение
     использование повреждение бронирование резервирование тестирование копирование
     шифрование заявление
adj: новый старый платный бесплатный мобильный личный удобный полный частичный срочный
     обычный быстрый стандартный повторный возвратный платежный электронный почтовый
     подарочный бонусный активный доступный недоступный неверный верный правильный
     неправильный успешный ошибочный временный постоянный безопасный облачный локальный
     резервный свободный занятый открытый закрытый отмененный оплаченный доставленный
     поврежденный потерянный указанный выбранный нужный важный возможный отдельный единый
     международный местный месячный ежемесячный праздничный пробный дополнительный
     кассовый денежный налоговый служебный одноразовый защищенный двухфакторный сетевой
adjo: основной ручной городской годовой дневной ночной выходной
adjk: банковский курьерский автоматический юридический технический клиентский российский
adjsh: текущий рабочий общий ближайший хороший
adjs: последний внутренний внешний летний зимний
v1: проверять получать отправлять возвращать помогать оформлять подключать отключать изменять
    отменять заменять обновлять удалять сохранять открывать закрывать нажимать выбирать
    указывать заполнять загружать скачивать устанавливать восстанавливать подтверждать
    оплачивать списывать начислять зачислять поступать ожидать обращать сообщать уведомлять
    предлагать отвечать принимать забирать доставлять упаковывать продлевать перезапускать
    запускать включать выключать настраивать менять терять знать делать читать работать
    понимать выполнять отслеживать рассчитывать уточнять объяснять желать собирать начинать
    заканчивать продолжать повторять появлять отображать показывать
ova: использовать активировать блокировать разблокировать сканировать копировать
     редактировать публиковать синхронизировать регистрировать тестировать архивировать
     импортировать экспортировать фильтровать сортировать форматировать гарантировать
     компенсировать консультировать контролировать рекомендовать требовать интересовать
     планировать заблокировать зарегистрировать
v2: оплатить отменить изменить установить восстановить сохранить удалить обновить отправить
    возвратить проверить оформить заполнить загрузить перезагрузить подтвердить уведомить
    соединить позвонить звонить исправить добавить закрепить продлить выпустить
    ускорить оценить стоить говорить просить переводить выходить заходить входить
    заменить приходить уходить
v2sh: подключить отключить включить выключить получить сообщить решить разрешить завершить
v2e: смотреть видеть зависеть
vnu: вернуть
"""

RU_FUNCTION = """
и в не на что с по для как это а к из у за от о же все так его но да вы мы он она они я мне
если уже или ни быть был была до при без только после через можно нужно нельзя может будет
есть нет когда где почему чтобы также еще очень там тут тоже лишь сразу затем потом который
которые которая этот эта эти свой ваш ваши ваше наш мой моя мои сколько какой какие ли бы вам
вас нам их ее им себя под над между перед около всегда иногда снова сейчас сегодня завтра
вчера раз два три
"""

RU_QUESTION_STARTS = (
    "как", "почему", "где", "когда", "что делать если", "можно ли", "сколько", "не", "куда",
    "как мне", "что значит", "зачем", "у меня не", "почему не", "как быстро",
)

# ---------------------------------------------------------------------------
# English: real stems
# ---------------------------------------------------------------------------

EN_NOUNS = """
order refund payment account password card delivery package parcel courier customer address
item product return exchange warehouse status number phone balance invoice receipt profile
section service site browser file document contract plan limit transfer access login code
request reply question review rating chat agent operator specialist user buyer seller wallet
check bank deadline step catalog gift certificate coupon promo bonus cashback percent interval
point city region district house floor entrance index format size color weight volume
dimension defect repair failure case mode screen tablet laptop computer smartphone driver
module server release patch protocol report schedule calendar month day hour year moment
period process result example option method mechanism parameter filter search interface
design template text symbol sign language call subscriber contact spam virus token key lock
fine tax credit deposit calculation debt rate ruble dollar cent type level priority incident
ticket comment scenario bundle cargo route vehicle terminal branch office recipient sender
owner partner supplier contractor form passport policy archive journal log moderator
administrator robot bot algorithm battery charge cable adapter sensor sound microphone speaker
headphone cover warranty amount currency program system version function operation category
problem reason delay cancellation replacement claim complaint week guarantee line box sticker
label table row column record shift date news instruction information company organization
position batch promotion registration authorization verification block shipment task meeting
machine team group role connection network queue cost price possibility security speed area
part unit copy backup base zone platform shelf model detail camera keyboard memory display
hint tab panel icon folder upload download integration license signature printer application
notification confirmation message update change decision appeal agreement offer condition value
device field word quality quantity equipment department name description content requirement
community maintenance exception restriction permission attachment usage booking reservation
test encryption setting cart basket discount link button page mail email subscription purchase
error voucher tracking pickup locker courier
"""

EN_VERBS = """
check receive return help process connect disconnect change cancel replace update delete save
open close press select specify fill load download install restore confirm charge credit expect
contact notify offer answer accept collect deliver pack extend restart start enable disable
configure track calculate clarify explain apologize want gather finish continue repeat try use
activate block unblock copy edit publish synchronize register test archive import export sort
format authorize guarantee compensate consult recommend require reset verify attach add remove
request refund order apply print sign report fix resolve escalate forward transfer merge link
upgrade downgrade renew expire reject approve decline retry wait call ask need look work appear
happen arrive miss reply display show load share mark
ship+ plan+ stop+ drop+ log+ submit+ scan+ chat+
"""

EN_IRREGULAR = """
pay pays paid paying
send sends sent sending
lose loses lost losing
find finds found finding
get gets got getting gotten
make makes made making
take takes took taken taking
give gives gave given giving
see sees saw seen seeing
know knows knew known knowing
think thinks thought thinking
tell tells told telling
buy buys bought buying
come comes came coming
go goes went gone going
write writes wrote written writing
"""

EN_ADJECTIVES = """
new old paid free mobile personal main additional convenient full partial urgent usual fast
standard current last repeated electronic postal active available unavailable wrong correct
incorrect successful temporary permanent automatic manual cash legal technical internal external
secure safe cloud local nearest busy closed canceled delivered damaged specified selected
necessary important possible separate general international annual monthly daily weekly
working holiday trial premium invalid valid expired pending failed blocked duplicate missing
broken slow empty late early long short large small big quick simple easy difficult final
previous next latest recent
"""

EN_FUNCTION = """
the a an to of and in is for on it that with as be you your this are or by not at from can if
will we our have has was were do does did they their my me i what how why when where which who
there than then so but all any no more also only after before into about up out should would
could may must been just still again now here some each other these those its he she them us
"""

EN_QUESTION_STARTS = (
    "how do i", "why", "where is", "when will", "what if", "can i", "how much", "i can't",
    "my", "how to", "why is my", "what does", "is it possible to", "how long", "i didn't",
)

# syllables for made-up words, per language
RU_ONSETS = ("б", "в", "г", "д", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ш",
             "пр", "ст", "тр", "кр", "бл", "гл", "зв", "сп", "ск", "дв")
RU_VOWELS = ("а", "о", "е", "и", "у", "ы", "я")
RU_CODAS = ("б", "в", "д", "з", "л", "м", "н", "п", "р", "с", "т", "ф")
EN_ONSETS = ("b", "c", "d", "f", "g", "h", "j", "l", "m", "n", "p", "r", "s", "t", "v", "w",
             "br", "cr", "dr", "fl", "gr", "pl", "pr", "sl", "st", "tr", "qu", "sh", "th")
EN_VOWELS = ("a", "e", "i", "o", "u", "a", "e", "i", "o", "ea")
EN_CODAS = ("b", "d", "g", "l", "m", "n", "p", "r", "t", "x", "nd", "nt", "rk", "st", "lm")

TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n",
                     "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "sch", "", "y",
                     "", "e", "yu", "ya"]))

CATEGORY_TREE = {
    "orders": ("placing", "status", "changes", "cancellation"),
    "delivery": ("courier", "pickup-points", "international", "tracking", "problems"),
    "payments": ("cards", "wallet", "installments", "invoices"),
    "returns": ("items", "refunds", "warranty"),
    "account": ("login", "security", "profile", "notifications"),
    "app": ("android", "ios", "web", "errors"),
    "loyalty": ("bonuses", "promo-codes", "subscription"),
    "business": ("sellers", "legal-entities", "api", "reports"),
    "service": ("complaints", "escalation", "scripts"),
}
PRODUCTS = ("Shopwave", "Shopwave Plus", "Wallet", "Marketplace", "Courier")
OWNERS = ("Logistics team", "Payments team", "Support leads", "Mobile team", "Legal")
PLACEHOLDERS = {
    "customer_name": ("Customer name", "Имя клиента"),
    "order_id": ("Order number", "Номер заказа"),
    "date": ("Date", "Дата"),
    "amount": ("Amount", "Сумма"),
    "tracking_number": ("Tracking number", "Трек-номер"),
    "ticket_id": ("Ticket number", "Номер обращения"),
    "city": ("City", "Город"),
}
SYNONYMS = (
    ("заказ", "покупка"), ("order", "purchase"), ("возврат", "refund"),
    ("посылка", "parcel", "package"), ("ошибка", "error", "failure"),
    ("скидка", "discount", "купон", "coupon"), ("аккаунт", "профиль", "account", "profile"),
)


# ---------------------------------------------------------------------------
# vocabulary
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Lemma:
    """A base word and its inflected forms (the first form is the dictionary form)."""

    forms: tuple[str, ...]
    pos: str


@dataclass
class Vocabulary:
    """Everything needed to write text in one language.

    Attributes:
        lang: "ru" or "en".
        lemmas: content words, most frequent first (real stems, then made-up ones).
        function_words: prepositions, pronouns, auxiliaries.
        surface: every running-text word form; ``surface_cum`` are cumulative weights.
        topic_cum: cumulative weights for picking an article's topic lemmas (flatter
            than Zipf, so topics reach into the rarer words).
        question_starts: how customers start questions.
    """

    lang: str
    lemmas: list[Lemma]
    function_words: tuple[str, ...]
    surface: list[str]
    surface_cum: list[float]
    topic_cum: list[float]
    question_starts: tuple[str, ...]


def _ru_forms(word: str, paradigm: str) -> tuple[str, ...]:
    """Inflect a Russian dictionary-form word by its paradigm."""
    nominative, endings = RU_PARADIGMS[paradigm]
    stem = word[: len(word) - len(nominative)] if nominative else word
    forms = []
    for ending in endings:
        if ending == "*":  # genitive plural with a fleeting vowel: ошибка -> ошибок
            if stem[-2] in "аеиоуыэюяё":
                forms.append(stem)
                continue
            vowel = "е" if stem[-2] in "жшчщйь" else "о"
            base = stem[:-2] + ("" if stem[-2] in "йь" else stem[-2])
            forms.append(base + vowel + stem[-1])
        else:
            forms.append(stem + ending)
    return tuple(dict.fromkeys(forms))


def _parse_groups(text: str) -> list[tuple[str, list[str]]]:
    """Parse ``paradigm: word word ...`` blocks (continuation lines are indented)."""
    groups: list[tuple[str, list[str]]] = []
    for line in text.strip().splitlines():
        if line[:1].isspace():
            groups[-1][1].extend(line.split())
        else:
            paradigm, _, words = line.partition(":")
            groups.append((paradigm.strip().replace("-", ""), words.split()))
    return groups


def ru_real_lemmas() -> list[Lemma]:
    """The built-in Russian stems, inflected."""
    lemmas: dict[str, Lemma] = {}
    for paradigm, words in _parse_groups(RU_WORDS):
        pos = "verb" if paradigm.startswith("v") or paradigm == "ova" else (
            "adj" if paradigm.startswith("adj") else "noun")
        for word in words:
            lemmas.setdefault(word, Lemma(_ru_forms(word, paradigm), pos))
    return list(lemmas.values())


def _en_plural(noun: str) -> str:
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _en_verb_forms(verb: str) -> tuple[str, ...]:
    """Regular English verb forms; a trailing ``+`` doubles the last consonant."""
    double = verb.endswith("+")
    verb = verb.rstrip("+")
    third = _en_plural(verb) if not verb.endswith("o") else verb + "es"
    if double:
        past, ing = verb + verb[-1] + "ed", verb + verb[-1] + "ing"
    elif verb.endswith("e"):
        past, ing = verb + "d", verb[:-1] + "ing"
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        past, ing = verb[:-1] + "ied", verb + "ing"
    else:
        past, ing = verb + "ed", verb + "ing"
    return (verb, third, past, ing)


def en_real_lemmas() -> list[Lemma]:
    """The built-in English stems, inflected."""
    lemmas: dict[str, Lemma] = {}
    for noun in EN_NOUNS.split():
        lemmas.setdefault(noun, Lemma((noun, _en_plural(noun)), "noun"))
    for verb in EN_VERBS.split():
        key = verb.rstrip("+")
        if key in lemmas:  # "order", "check" ...: a noun and a verb
            forms = tuple(dict.fromkeys(lemmas[key].forms + _en_verb_forms(verb)))
            lemmas[key] = Lemma(forms, "noun")
        else:
            lemmas[key] = Lemma(_en_verb_forms(verb), "verb")
    for line in EN_IRREGULAR.strip().splitlines():
        forms = tuple(line.split())
        lemmas.setdefault(forms[0], Lemma(forms, "verb"))
    for adjective in EN_ADJECTIVES.split():
        lemmas.setdefault(adjective, Lemma((adjective,), "adj"))
    return list(lemmas.values())


def _made_up_stem(rng: random.Random, onsets, vowels, codas) -> str:
    syllables = rng.choice((1, 2, 2, 2, 3, 3))
    stem = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(syllables))
    return stem + rng.choice(codas)


def ru_made_up_lemmas(rng: random.Random, count: int, taken: set[str]) -> list[Lemma]:
    """Pronounceable made-up Russian words that inflect by real paradigms."""
    kinds = (("m", ""), ("m", ""), ("f", "а"), ("nie", "ение"), ("adj", "ный"), ("v1", "ать"),
             ("v2", "ить"), ("fs", "ость"))
    lemmas = []
    while len(lemmas) < count:
        paradigm, suffix = rng.choice(kinds)
        word = _made_up_stem(rng, RU_ONSETS, RU_VOWELS, RU_CODAS) + suffix
        if word in taken:
            continue
        taken.add(word)
        pos = {"adj": "adj", "v1": "verb", "v2": "verb"}.get(paradigm, "noun")
        lemmas.append(Lemma(_ru_forms(word, paradigm), pos))
    return lemmas


def en_made_up_lemmas(rng: random.Random, count: int, taken: set[str]) -> list[Lemma]:
    """Pronounceable made-up English words: nouns with plurals, verbs with -s/-ed/-ing."""
    lemmas = []
    while len(lemmas) < count:
        word = _made_up_stem(rng, EN_ONSETS, EN_VOWELS, EN_CODAS)
        if word in taken:
            continue
        taken.add(word)
        kind = rng.random()
        if kind < 0.6:
            lemmas.append(Lemma((word, _en_plural(word)), "noun"))
        elif kind < 0.85:
            lemmas.append(Lemma(_en_verb_forms(word), "verb"))
        else:
            lemmas.append(Lemma((word,), "adj"))
    return lemmas


def _zipf(count: int, exponent: float, offset: float) -> list[float]:
    return [1.0 / (rank + offset) ** exponent for rank in range(1, count + 1)]


def _form_weights(lemma: Lemma) -> list[float]:
    """The dictionary form is the most common one; the others share the rest."""
    return [3.0] + [1.0] * (len(lemma.forms) - 1)


def _topic_weights(real: int, made_up: int) -> list[float]:
    """Topic words come mostly (80 %) from the real stems, flatter than Zipf."""
    head = _zipf(real, 0.5, 20.0)
    tail = _zipf(made_up, 0.5, 20.0)
    tail_scale = 0.25 * sum(head) / sum(tail)
    return head + [w * tail_scale for w in tail]


def build_vocabulary(lang: str, seed: int) -> Vocabulary:
    """Build the seeded vocabulary of ``lang`` ("ru" or "en")."""
    rng = random.Random(f"vocabulary-{lang}-{seed}")
    if lang == "ru":
        real, function, starts = ru_real_lemmas(), tuple(RU_FUNCTION.split()), RU_QUESTION_STARTS
        made_up = ru_made_up_lemmas(rng, SYNTHETIC_LEMMAS, {lemma.forms[0] for lemma in real})
    else:
        real, function, starts = en_real_lemmas(), tuple(EN_FUNCTION.split()), EN_QUESTION_STARTS
        made_up = en_made_up_lemmas(rng, SYNTHETIC_LEMMAS, {lemma.forms[0] for lemma in real})
    rng.shuffle(real)
    lemmas = real + made_up
    surface: list[str] = []
    weights: list[float] = []
    function_weights = _zipf(len(function), 1.0, 1.5)
    scale = FUNCTION_SHARE / sum(function_weights)
    surface.extend(function)
    weights.extend(w * scale for w in function_weights)
    lemma_weights = _zipf(len(lemmas), 1.0, 8.0)
    scale = (1.0 - FUNCTION_SHARE) / sum(lemma_weights)
    for lemma, weight in zip(lemmas, lemma_weights):
        form_weights = _form_weights(lemma)
        total = sum(form_weights)
        surface.extend(lemma.forms)
        weights.extend(weight * scale * w / total for w in form_weights)
    topic_weights = _topic_weights(len(real), len(made_up))
    return Vocabulary(
        lang=lang,
        lemmas=lemmas,
        function_words=function,
        surface=surface,
        surface_cum=list(accumulate(weights)),
        topic_cum=list(accumulate(topic_weights)),
        question_starts=starts,
    )


# ---------------------------------------------------------------------------
# articles
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusSpec:
    """What to generate: the size, the seed and the share of Russian articles."""

    size: int
    seed: int = 7
    ru_share: float = 0.5


@dataclass(frozen=True)
class CustomerQuestion:
    """A generated customer question and the article that answers it."""

    text: str
    article_id: str
    lang: str


def category_folders() -> list[str]:
    """The nested category folders of every generated KB (about 35)."""
    folders = []
    for top, subs in CATEGORY_TREE.items():
        folders.append(top)
        folders.extend(f"{top}/{sub}" for sub in subs)
    return folders


def brand_pool(spec: CorpusSpec) -> list[str]:
    """Product names and codes; the pool grows with the corpus (new terms keep coming)."""
    rng = random.Random(f"brands-{spec.seed}")
    pool = []
    for _ in range(max(300, spec.size // 4)):
        if rng.random() < 0.5:
            pool.append(_made_up_stem(rng, EN_ONSETS, EN_VOWELS, EN_CODAS).capitalize() + rng.choice(
                ("", "", "ix", "on", " Pro", " Max", " Go")))
        else:
            pool.append(f"{rng.choice(('SW', 'X', 'PRO', 'E', 'A'))}-{rng.randrange(100, 99999)}")
    return pool


def translit(text: str) -> str:
    """Latin letters for a Russian text (for file names)."""
    return "".join(TRANSLIT.get(char, char) for char in text)


def slugify(words: list[str]) -> str:
    """A file-name slug from the first few words of a title."""
    parts = [translit(word.lower()) for word in words[:5]]
    slug = "-".join("".join(c for c in part if c.isalnum()) for part in parts)
    return "-".join(p for p in slug.split("-") if p) or "article"


class ArticleWriter:
    """Writes the articles of one corpus.

    Generation stays in one process: about 0.5 ms per article, 50,000 articles in
    about 25 s on a 2-vCPU machine (two processes gained nothing there).
    """

    def __init__(self, spec: CorpusSpec) -> None:
        self.spec = spec
        self.vocab = {"ru": build_vocabulary("ru", spec.seed), "en": build_vocabulary("en", spec.seed)}
        self.folders = category_folders()
        self.folder_cum = list(accumulate(_zipf(len(self.folders), 0.7, 2.0)))
        self.brands = brand_pool(spec)
        self.tags = [lemma.forms[0] for lemma in en_real_lemmas() if lemma.pos == "noun"][:150]

    # -- words -------------------------------------------------------------
    def _topic(self, rng: random.Random, vocab: Vocabulary) -> list[int]:
        count = rng.randint(5, 9)
        picks = rng.choices(range(len(vocab.lemmas)), cum_weights=vocab.topic_cum, k=count * 2)
        return list(dict.fromkeys(picks))[:count]

    def _words(self, rng: random.Random, vocab: Vocabulary, topic: list[int], count: int) -> list[str]:
        """``count`` running-text words: Zipf draws with the topic's words mixed in."""
        words = rng.choices(vocab.surface, cum_weights=vocab.surface_cum, k=count)
        topic_forms = [form for index in topic for form in vocab.lemmas[index].forms]
        positions = rng.sample(range(count), int(count * TOPIC_SHARE))
        for position, form in zip(positions, rng.choices(topic_forms, k=len(positions))):
            words[position] = form
        if rng.random() < 0.5:
            for _ in range(rng.randint(1, 4)):
                words[rng.randrange(count)] = rng.choice(self.brands)
        return words

    @staticmethod
    def _sentences(rng: random.Random, words: list[str]) -> list[str]:
        sentences = []
        position = 0
        while position < len(words):
            length = rng.randint(5, 16)
            chunk = words[position:position + length]
            position += length
            if len(chunk) > 7 and rng.random() < 0.4:
                chunk[len(chunk) // 2] += ","
            sentences.append(chunk[0][:1].upper() + chunk[0][1:] + " " + " ".join(chunk[1:]) + ".")
        return sentences

    def _title(self, rng: random.Random, vocab: Vocabulary, topic: list[int]) -> list[str]:
        lemmas = vocab.lemmas
        words = [lemmas[i].forms[0] if rng.random() < 0.6 else rng.choice(lemmas[i].forms)
                 for i in topic[: rng.randint(2, 4)]]
        while len(words) < rng.randint(3, 8):
            words.insert(rng.randrange(len(words) + 1), rng.choice(vocab.function_words[:30]))
        return words

    def _question(self, rng: random.Random, vocab: Vocabulary, topic: list[int]) -> str:
        lemmas = vocab.lemmas
        words = [rng.choice(lemmas[i].forms) for i in rng.sample(topic, min(len(topic), rng.randint(2, 4)))]
        if rng.random() < 0.5:
            words.insert(rng.randrange(len(words) + 1), rng.choice(vocab.function_words[:40]))
        text = rng.choice(vocab.question_starts) + " " + " ".join(words)
        return text + ("?" if rng.random() < 0.6 else "")

    # -- markdown ----------------------------------------------------------
    def _body(self, rng: random.Random, vocab: Vocabulary, topic: list[int], count: int) -> list[str]:
        sentences = self._sentences(rng, self._words(rng, vocab, topic, count))
        lines: list[str] = []
        since_heading = 0
        while sentences:
            take = rng.randint(2, 5)
            paragraph, sentences = sentences[:take], sentences[take:]
            if since_heading >= 3 and rng.random() < 0.5:
                heading = self._sentences(rng, self._words(rng, vocab, topic, rng.randint(2, 5)))[0]
                lines += ["## " + heading.rstrip(".").replace(",", ""), ""]
                since_heading = 0
            if rng.random() < 0.2:
                lines += ["- " + s for s in paragraph] + [""]
            else:
                lines += [" ".join(paragraph), ""]
            since_heading += 1
        if rng.random() < 0.3:
            see = "См." if vocab.lang == "ru" else "See"
            lines += [f"{see} [[kb{rng.randrange(self.spec.size):06d}]].", ""]
        return lines

    def _replies(self, rng: random.Random, vocab: Vocabulary, topic: list[int]) -> list[str]:
        count = rng.choices((0, 1, 2, 3), weights=(4, 3, 2, 1))[0]
        ru = vocab.lang == "ru"
        lines: list[str] = []
        for number in range(count):
            name = " ".join(self._title(rng, vocab, topic)[:4]).capitalize()
            lines.append(f"## {'Ответ' if ru else 'Reply'}: {name} {number + 1}")
            lines.append("Здравствуйте, {{customer_name}}!" if ru else "Hello {{customer_name}},")
            lines.append("")
            sentences = self._sentences(rng, self._words(rng, vocab, topic, rng.randint(20, 60)))
            for _ in range(rng.randint(1, 3)):
                name_ = rng.choice(list(PLACEHOLDERS)[1:])
                fallback = "|" + rng.choice(vocab.function_words) if rng.random() < 0.3 else ""
                at = rng.randrange(len(sentences))
                sentences[at] = sentences[at].rstrip(".") + " {{" + name_ + fallback + "}}."
            lines += [" ".join(sentences), ""]
        return lines

    def article(self, index: int) -> tuple[str, str, dict]:
        """The relative path, the Markdown text and the metadata of article ``index``."""
        rng = random.Random(self.spec.seed * 1_000_003 + index)
        lang = "ru" if rng.random() < self.spec.ru_share else "en"
        vocab = self.vocab[lang]
        topic = self._topic(rng, vocab)
        title_words = self._title(rng, vocab, topic)
        title = " ".join(title_words)
        title = title[:1].upper() + title[1:]
        article_id = f"kb{index:06d}"
        folder = self.folders[bisect.bisect(self.folder_cum, rng.random() * self.folder_cum[-1])]
        rel_path = f"{folder}/{slugify(title_words)}-{index:06d}.{lang}.md"
        count = int(min(MAX_WORDS, max(MIN_WORDS, rng.lognormvariate(math.log(MEDIAN_WORDS), LENGTH_SIGMA))))
        questions = [self._question(rng, vocab, topic) for _ in range(rng.randint(2, 5))]
        front = ["---", f"id: {article_id}", f'title: "{title}"', f"lang: {lang}"]
        if rng.random() < 0.7:
            front.append(f"product: {rng.choice(PRODUCTS)}")
        front.append("tags: [" + ", ".join(rng.sample(self.tags, rng.randint(1, 4))) + "]")
        front.append("questions:")
        front += [f'  - "{q}"' for q in questions]
        if rng.random() < 0.5:
            front.append(f"owner: {rng.choice(OWNERS)}")
            front.append(f"reviewed: 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
            front.append(f"review_every: {rng.choice((30, 90, 180, 365))}")
        front.append("---")
        lines = front + [f"# {title}", ""] + self._body(rng, vocab, topic, count) + self._replies(rng, vocab, topic)
        meta = {"id": article_id, "path": rel_path, "lang": lang, "topic": topic, "questions": questions}
        return rel_path, "\n".join(lines), meta

    def write_range(self, root: Path, start: int, stop: int) -> list[dict]:
        """Write articles ``start`` to ``stop - 1`` under ``root``; return their metadata."""
        metas = []
        for index in range(start, stop):
            rel_path, text, meta = self.article(index)
            path = root / rel_path
            try:
                path.write_text(text, encoding="utf-8")
            except FileNotFoundError:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            metas.append(meta)
        return metas


def _kb_config() -> str:
    lines = ["name: Generated benchmark KB", "default_lang: ru", "", "synonyms:"]
    lines += ["  - [" + ", ".join(group) + "]" for group in SYNONYMS]
    lines += ["", "placeholders:"]
    lines += [f"  {name}: {{en: {en}, ru: {ru}}}" for name, (en, ru) in PLACEHOLDERS.items()]
    return "\n".join(lines) + "\n"


def generate_corpus(root: Path, size: int, seed: int = 7, ru_share: float = 0.5) -> list[str]:
    """Write a KB of ``size`` articles under ``root`` (which must be empty or missing).

    Args:
        root: the KB folder to create.
        size: how many articles.
        seed: the random seed; the same arguments always give the same files.
        ru_share: the share of Russian articles (the rest are English).

    Returns:
        the example questions written into the articles' ``questions:``.
    """
    spec = CorpusSpec(size, seed, ru_share)
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    (root / "_kb.yml").write_text(_kb_config(), encoding="utf-8")
    writer = ArticleWriter(spec)
    for folder in writer.folders:
        (root / folder).mkdir(parents=True, exist_ok=True)
    metas = writer.write_range(root, 0, size)
    payload = {"version": CORPUS_VERSION, "size": size, "seed": seed, "ru_share": ru_share, "articles": metas}
    (root / META_FILE).write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return [question for meta in metas for question in meta["questions"]]


def cache_root() -> Path:
    """Where generated corpora are kept between runs."""
    return Path(os.environ.get("KB_BENCH_CACHE") or Path(tempfile.gettempdir()) / "kb-assistant-bench")


def cached_corpus(size: int, seed: int = 7, ru_share: float = 0.5) -> tuple[Path, float]:
    """The folder of a generated corpus, generating it when not cached yet.

    Returns:
        the KB folder and the seconds spent generating (0.0 when it was cached).
    """
    root = cache_root() / f"corpus-v{CORPUS_VERSION}-n{size}-s{seed}-ru{round(ru_share * 100)}"
    if (root / META_FILE).is_file():
        return root, 0.0
    started = time.perf_counter()
    partial = root.with_name(root.name + f".partial-{os.getpid()}")
    shutil.rmtree(partial, ignore_errors=True)
    generate_corpus(partial, size, seed, ru_share)
    shutil.rmtree(root, ignore_errors=True)
    partial.rename(root)
    return root, time.perf_counter() - started


def _inflect_differently(rng: random.Random, lemma: Lemma) -> str:
    """A form of ``lemma``, preferring one other than the dictionary form."""
    if len(lemma.forms) > 1 and rng.random() < 0.7:
        return rng.choice(lemma.forms[1:])
    return rng.choice(lemma.forms)


def generate_questions(root: Path, count: int, seed: int = 11) -> list[CustomerQuestion]:
    """Customer questions answered by articles of the generated corpus at ``root``.

    Each question takes two to four topic words of one article, in other inflected
    forms than the article mostly uses, after a typical question opening.
    """
    meta = json.loads((Path(root) / META_FILE).read_text(encoding="utf-8"))
    vocabularies = {lang: build_vocabulary(lang, meta["seed"]) for lang in ("ru", "en")}
    articles = meta["articles"]
    rng = random.Random(f"questions-{seed}")
    questions = []
    for _ in range(count):
        article = rng.choice(articles)
        vocab = vocabularies[article["lang"]]
        topic = article["topic"]
        words = [_inflect_differently(rng, vocab.lemmas[i]) for i in rng.sample(topic, min(len(topic), rng.randint(2, 4)))]
        if rng.random() < 0.4:
            words.insert(rng.randrange(len(words) + 1), rng.choice(vocab.function_words[:40]))
        text = rng.choice(vocab.question_starts) + " " + " ".join(words)
        questions.append(CustomerQuestion(text, article["id"], article["lang"]))
    return questions


def main(argv: list[str] | None = None) -> int:
    """Generate (or find cached) corpora: ``python corpus.py SIZE [SEED]``; print the folder."""
    args = argv if argv is not None else sys.argv[1:]
    size = int(args[0]) if args else 1000
    seed = int(args[1]) if len(args) > 1 else 7
    root, seconds = cached_corpus(size, seed)
    print(f"{root} ({'cached' if not seconds else f'generated in {seconds:.1f} s'})")
    for question in generate_questions(root, 5):
        print(f"  {question.lang} {question.article_id}: {question.text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
