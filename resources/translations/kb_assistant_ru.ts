<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../kb_assistant/ui/help/about.py" line="+28"/>
        <source>About KB Assistant</source>
        <translation>О программе KB Assistant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System</source>
        <translation>Система</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Knowledge base</source>
        <translation>База знаний</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Settings folder</source>
        <translation>Папка настроек</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Index folder</source>
        <translation>Папка индекса</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Learning data folder</source>
        <translation>Папка данных обучения</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Log folder</source>
        <translation>Папка журнала</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Finds the right article and a ready reply while you type the customer&apos;s question, and copies the reply shaped for the channel. Free software under the MIT License.</source>
        <translation>Находит нужную статью и готовый ответ, пока вы набираете вопрос клиента, и копирует ответ в виде, подходящем для канала. Свободная программа под лицензией MIT.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Version and folders</source>
        <translation>Версия и папки</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;py diagnostics</source>
        <translation>Копировать &amp;диагностику</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy diagnostics</source>
        <translation>Копировать диагностику</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the versions, the folders and the last lines of the log, for a bug report</source>
        <translation>Скопировать версии, папки и последние строки журнала для сообщения об ошибке</translation>
    </message>
</context>
<context>
    <name>ArticlePane</name>
    <message>
        <location filename="../../kb_assistant/ui/article/pane.py" line="+45"/>
        <source>The text of the selected article; Alt+Down and Alt+Up move through its links, Enter opens one</source>
        <translation>Текст выбранной статьи; Alt+Вниз и Alt+Вверх переходят по ссылкам, Enter открывает ссылку</translation>
    </message>
</context>
<context>
    <name>ArticlePickerDialog</name>
    <message>
        <location filename="../../kb_assistant/ui/insights/picker.py" line="+33"/>
        <source>Add as a question to an article</source>
        <translation>Добавить вопросом в статью</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add “{0}” to the questions of:</source>
        <translation>Добавить «{0}» в вопросы статьи:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the question to:</source>
        <translation>Добавить вопрос в:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type part of a title or id</source>
        <translation>Введите часть заголовка или id</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find an article:</source>
        <translation>&amp;Найти статью:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find an article</source>
        <translation>Найти статью</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Articles</source>
        <translation>Статьи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Articles:</source>
        <translation>&amp;Статьи:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Articles found</source>
        <translation>Найденные статьи</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A&amp;dd the question</source>
        <translation>&amp;Добавить вопрос</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{0} of {1} articles</source>
        <translation>{0} из {1} статей</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No article matches: type less of the title.</source>
        <translation>Ни одна статья не подходит: введите меньше от заголовка.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The knowledge base has no articles yet.</source>
        <translation>В базе знаний пока нет статей.</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../kb_assistant/ui/widgets/article_view.py" line="+66"/>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The text of the selected article</source>
        <translation>Текст выбранной статьи</translation>
    </message>
</context>
<context>
    <name>ArticlesTab</name>
    <message>
        <location filename="../../kb_assistant/ui/insights/tabs.py" line="+155"/>
        <location line="+4"/>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+4"/>
        <source>Opened</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Replies copied</source>
        <translation>Скопировано ответов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most used articles</source>
        <translation>Чаще всего используемые статьи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replies copied by article</source>
        <translation>Скопированные ответы по статьям</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No reply was copied in this period.</source>
        <translation>За этот период не скопировано ни одного ответа.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Articles opened often, no reply copied</source>
        <translation>Статьи, которые часто открывали, но ответы не копировали</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Most used articles:</source>
        <translation>&amp;Чаще всего используемые статьи:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;opies by article:</source>
        <translation>Копирования по ст&amp;атьям:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened often, no reply cop&amp;ied:</source>
        <translation>Часто открывали, ответы не копи&amp;ровали:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No article was opened in this period.</source>
        <translation>За этот период не открыта ни одна статья.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None: every article opened often had a reply copied from it.</source>
        <translation>Таких нет: из каждой часто открываемой статьи копировали ответ.</translation>
    </message>
</context>
<context>
    <name>BrowsePanel</name>
    <message>
        <location filename="../../kb_assistant/ui/learning/browse_panel.py" line="+41"/>
        <source>All languages</source>
        <translation>Все языки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Articles by category</source>
        <translation>Статьи по разделам</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>(no category)</source>
        <translation>(без раздела)</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>{0} ({1} articles, {2} read)</source>
        <translation>{0} (статей: {1}, прочитано: {2})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0}, read</source>
        <translation>{0}, прочитано</translation>
    </message>
</context>
<context>
    <name>ChangesNotice</name>
    <message>
        <location filename="../../kb_assistant/ui/learning/notice.py" line="+21"/>
        <source>What changed</source>
        <translation>Что изменилось</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} articles changed since you last looked. &lt;a href=&quot;changes&quot;&gt;Show what changed&lt;/a&gt; (Ctrl+Shift+W)</source>
        <translation>С вашего прошлого просмотра изменилось статей: {0}. &lt;a href=&quot;changes&quot;&gt;Показать изменения&lt;/a&gt; (Ctrl+Shift+W)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} articles changed since you last looked.</source>
        <translation>С вашего прошлого просмотра изменилось статей: {0}.</translation>
    </message>
</context>
<context>
    <name>ChangesPanel</name>
    <message>
        <location filename="../../kb_assistant/ui/learning/changes_panel.py" line="+29"/>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What changed</source>
        <translation>Что изменилось</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed articles</source>
        <translation>Изменённые статьи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mark all seen</source>
        <translation>Отметить всё про&amp;смотренным</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>properties (tags, questions…)</source>
        <translation>свойства (теги, вопросы…)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>introduction</source>
        <translation>вступление</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>new article</source>
        <translation>новая статья</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deleted</source>
        <translation>удалена</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>renamed from “{0}”</source>
        <translation>переименована, было «{0}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changed: {0}</source>
        <translation>изменено: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new: {0}</source>
        <translation>добавлено: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>removed: {0}</source>
        <translation>удалено: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed</source>
        <translation>изменена</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0} articles changed since you last looked.</source>
        <translation>С вашего прошлого просмотра изменилось статей: {0}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing changed since you last looked.</source>
        <translation>С вашего прошлого просмотра ничего не изменилось.</translation>
    </message>
</context>
<context>
    <name>ChannelsTab</name>
    <message>
        <location filename="../../kb_assistant/ui/insights/tabs.py" line="+32"/>
        <source>Copies by channel</source>
        <translation>Копирования по каналам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No reply was copied in this period.</source>
        <translation>За этот период не скопировано ни одного ответа.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Questions by language</source>
        <translation>Вопросы по языкам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No question was asked in this period.</source>
        <translation>За этот период не было вопросов.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copies by channel:</source>
        <translation>Копирования по кана&amp;лам:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Questions by &amp;language:</source>
        <translation>Вопросы по &amp;языкам:</translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message>
        <location filename="../../kb_assistant/ui/replies/clipboard.py" line="+26"/>
        <source>e-mail</source>
        <translation>эл. почта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chat</source>
        <translation>чат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>messenger</source>
        <translation>мессенджер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Copied “{name}” for {channel} (HTML and plain text, characters: {count})</source>
        <translation>Скопировано «{name}», канал «{channel}» (HTML и обычный текст, символов: {count})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copied “{name}” for {channel} (plain text, characters: {count})</source>
        <translation>Скопировано «{name}», канал «{channel}» (обычный текст, символов: {count})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reply</source>
        <translation>ответ</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <location filename="../../kb_assistant/ui/help/palette.py" line="+54"/>
        <source>Command palette</source>
        <translation>Палитра команд</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type to find a command</source>
        <translation>Начните вводить название команды</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a command</source>
        <translation>Поиск команды</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up and Down choose, Enter runs it, Esc closes</source>
        <translation>Вверх и Вниз — выбор, Enter — выполнить, Esc — закрыть</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Commands</source>
        <translation>Команды</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number of commands</source>
        <translation>Число команд</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{0} of {1} commands</source>
        <translation>Команд: {0} из {1}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../kb_assistant/ui/sync/conflict_dialog.py" line="+48"/>
        <source>Publish: someone changed the same lines</source>
        <translation>Публикация: кто-то изменил те же строки</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another editor published changes to the same lines first. For each file, take theirs or yours, or edit the text below; nothing is published until every file has a text. Cancel keeps your change on this computer, unpublished.</source>
        <translation>Другой редактор первым опубликовал изменения тех же строк. Для каждого файла возьмите его версию или свою либо поправьте текст ниже; пока у каждого файла нет текста, ничего не публикуется. «Отмена» оставляет ваше изменение на этом компьютере неопубликованным.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Files in conflict</source>
        <translation>Файлы с конфликтом</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Their version</source>
        <translation>Их версия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your version</source>
        <translation>Ваша версия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What differs</source>
        <translation>Различия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theirs</source>
        <translation>&amp;Их версия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mine</source>
        <translation>&amp;Моя версия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Difference</source>
        <translation>Раз&amp;личия</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text to publish</source>
        <translation>Текст для публикации</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit it freely; it is what will be published</source>
        <translation>Правьте как нужно: опубликован будет именно он</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take t&amp;heirs</source>
        <translation>&amp;Взять их версию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take m&amp;ine</source>
        <translation>Взять &amp;свою</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Use this text</source>
        <translation>Использовать &amp;этот текст</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Publish</source>
        <translation>&amp;Опубликовать</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Text to publish:</source>
        <translation>Текст для публикации:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>(deleted by them)</source>
        <translation>(удалён ими)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(deleted by you)</source>
        <translation>(удалён вами)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} — resolved</source>
        <translation>{0} — решено</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>These files are not text and cannot be merged here: {0}. Resolve them with git.</source>
        <translation>Эти файлы не текстовые, здесь их не объединить: {0}. Разрешите конфликт в git.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} of {1} files still need a text.</source>
        <translation>Файлов без текста: {0} из {1}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every file has a text: Publish sends them.</source>
        <translation>У каждого файла есть текст: «Опубликовать» отправит их.</translation>
    </message>
</context>
<context>
    <name>CopyReply</name>
    <message>
        <location filename="../../kb_assistant/ui/replies/copy.py" line="+47"/>
        <source>Not copied: the reply needs {0}.</source>
        <translation>Не скопировано: для ответа нужно: {0}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not copied: fill in {0} first.</source>
        <translation>Не скопировано: сначала заполните: {0}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not copied: {0}</source>
        <translation>Не скопировано: {0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No good match</source>
        <translation>Хорошего совпадения нет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No article matches “{0}” well. Copy the reply of the closest one anyway?</source>
        <translation>Ни одна статья не подходит к «{0}» достаточно хорошо. Всё равно скопировать ответ ближайшей?</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../kb_assistant/ui/system/diagnostics.py" line="+92"/>
        <source>Something went wrong</source>
        <translation>Что-то пошло не так</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>KB Assistant hit an error it did not expect:
{0}

Unsaved text in open editors has been kept in the autosave folder. You can carry on working; if something looks wrong, save your work and restart KB Assistant. If it happens again, report it to the developers: the report carries the error, the versions and the last lines of the log.</source>
        <translation>В KB Assistant произошла непредвиденная ошибка:
{0}

Несохранённый текст открытых редакторов сохранён в папке автосохранения. Можно продолжать работу; если что-то выглядит не так, сохраните работу и перезапустите KB Assistant. Если это повторится, сообщите разработчикам: в сообщение попадут ошибка, версии и последние строки журнала.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Report to developers…</source>
        <translation>&amp;Сообщить разработчикам…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the report form with the error details attached</source>
        <translation>Открыть форму сообщения с приложенными подробностями ошибки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;py details</source>
        <translation>Ско&amp;пировать подробности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the error, the versions and the last log lines</source>
        <translation>Скопировать ошибку, версии и последние строки журнала</translation>
    </message>
</context>
<context>
    <name>CrashReport</name>
    <message>
        <location filename="../../kb_assistant/ui/report/crash_form.py" line="+24"/>
        <source>KB Assistant: {0}</source>
        <translation>KB Assistant: {0}</translation>
    </message>
</context>
<context>
    <name>CustomerStrip</name>
    <message>
        <location filename="../../kb_assistant/ui/replies/customer_strip.py" line="+30"/>
        <source>Current customer</source>
        <translation>Текущий клиент</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use the&amp;m</source>
        <translation>Исполь&amp;зовать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the previous customer&apos;s values in this conversation</source>
        <translation>Подставлять значения предыдущего клиента в этом разговоре</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New c&amp;ustomer</source>
        <translation>Новый к&amp;лиент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the values aside: the next reply asks again (Ctrl+Shift+N)</source>
        <translation>Отложить значения: следующий ответ спросит их заново (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New customer</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Customer: {0}</source>
        <translation>Клиент: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer: no values yet; a reply asks for what it needs.</source>
        <translation>Клиент: значений пока нет; ответ сам спросит, что нужно.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous customer, not used: {0}</source>
        <translation>Предыдущий клиент, не используется: {0}</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <location filename="../../kb_assistant/ui/editor/editor_window.py" line="+145"/>
        <source>Article text</source>
        <translation>Текст статьи</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems in this article</source>
        <translation>Проблемы в этой статье</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notice</source>
        <translation>Уведомление</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Publish to the team…</source>
        <translation>Опу&amp;бликовать для команды…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Article</source>
        <translation>&amp;Статья</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark &amp;reviewed today</source>
        <translation>Отметить &amp;проверку сегодня</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open or create the &amp;translation</source>
        <translation>Открыть или создать п&amp;еревод</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;name or move…</source>
        <translation>Пере&amp;именовать или переместить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the te&amp;xt</source>
        <translation>К &amp;тексту</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the &amp;front matter form</source>
        <translation>К &amp;форме свойств</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the &amp;problems</source>
        <translation>К спис&amp;ку проблем</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The file changed on disk after these edits were made. Saving will offer to compare.</source>
        <translation>Файл на диске изменился после этих правок. При сохранении будет предложено сравнить.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file was deleted or cannot be read; saving creates it again.</source>
        <translation>Файл удалён или не читается; сохранение создаст его заново.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{0}{1} — KB Assistant editor</source>
        <translation>{0}{1} — редактор KB Assistant</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>line {0}: </source>
        <translation>строка {0}: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The front matter cannot be read ({0}{1}); fix it in the text.</source>
        <translation>Свойства статьи не читаются ({0}{1}); исправьте их в тексте.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Marked reviewed on {0}; save to keep it.</source>
        <translation>Проверка отмечена датой {0}; сохраните, чтобы закрепить.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Added the question “{0}”; save to keep it.</source>
        <translation>Вопрос «{0}» добавлен; сохраните, чтобы он остался.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The front matter cannot be read: see the problems below.</source>
        <translation>Свойства статьи не читаются: см. список проблем ниже.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Save with problems?</source>
        <translation>Сохранить с ошибками?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This article has {0} errors (see the list below). Save anyway?</source>
        <translation>В статье есть ошибки ({0}, список внизу). Всё равно сохранить?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the template&apos;s sample text?</source>
        <translation>Сохранить текст из шаблона?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still the template&apos;s sample text: {0}. Saved like this, agents would find it and read it as written for them. Save anyway?</source>
        <translation>Из шаблона так и остались: {0}. Если сохранить так, агенты найдут статью и примут этот текст за настоящий. Всё равно сохранить?</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save as UTF-8?</source>
        <translation>Сохранить в UTF-8?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}

Save the file as UTF-8 instead?</source>
        <translation>{0}

Сохранить файл в кодировке UTF-8?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}

Your text is kept here and in the autosave folder.</source>
        <translation>{0}

Ваш текст остаётся здесь и в папке автосохранения.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved {0}</source>
        <translation>Сохранено: {0}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>on disk</source>
        <translation>на диске</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yours</source>
        <translation>ваша версия</translation>
    </message>
    <message>
        <location filename="../../kb_assistant/ui/editor/questions.py" line="+41"/>
        <source>Changed on disk</source>
        <translation>Файл изменён на диске</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} was changed on disk after you opened it.</source>
        <translation>Файл {0} изменился на диске после того, как вы его открыли.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reload from disk</source>
        <translation>&amp;Загрузить с диска</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep mine</source>
        <translation>&amp;Оставить мою версию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Compare</source>
        <translation>&amp;Сравнить</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Compare: on disk and yours</source>
        <translation>Сравнение: на диске и ваша версия</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Differences</source>
        <translation>Различия</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to {0}?</source>
        <translation>Сохранить изменения в {0}?</translation>
    </message>
    <message>
        <location filename="../../kb_assistant/ui/editor/editor_checks.py" line="+50"/>
        <source>line 1 must be exactly “---”: the front matter up to line {0} is read as article text, losing its title, questions and language</source>
        <translation>первая строка должна быть ровно «---»: свойства до строки {0} читаются как текст статьи, и статья теряет заголовок, вопросы и язык</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the customer question</source>
        <translation>вопрос клиента</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the article text</source>
        <translation>текст статьи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the reply</source>
        <translation>ответ</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The front matter cannot be read: {0}.</source>
        <translation>Свойства статьи не читаются: {0}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The customer question is still the template&apos;s sample: write how customers really ask, or delete it.</source>
        <translation>Вопрос клиента всё ещё из шаблона: напишите, как клиенты спрашивают на самом деле, или удалите его.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This line is still the template&apos;s sample text: write your own.</source>
        <translation>Эта строка всё ещё из шаблона: напишите свой текст.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reply is still the template&apos;s sample: write it, or delete it.</source>
        <translation>Ответ всё ещё из шаблона: напишите его или удалите.</translation>
    </message>
</context>
<context>
    <name>EditorWorkbench</name>
    <message>
        <location filename="../../kb_assistant/ui/editor/workbench.py" line="+109"/>
        <source>Open an article first, then press Ctrl+E to edit it.</source>
        <translation>Сначала откройте статью, затем нажмите Ctrl+E, чтобы её редактировать.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Saved {0}; searchable now.</source>
        <translation>Сохранено: {0}; уже находится поиском.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Unsaved edits found</source>
        <translation>Найдены несохранённые правки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KB Assistant closed before these edits were saved:</source>
        <translation>KB Assistant закрылся, не сохранив эти правки:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} (autosaved {1})</source>
        <translation>{0} (автосохранение {1})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restore</source>
        <translation>&amp;Восстановить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Later</source>
        <translation>&amp;Позже</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Marked {0} articles reviewed today.</source>
        <translation>Проверка отмечена сегодня в статьях: {0}.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No article {0} in the knowledge base.</source>
        <translation>В базе знаний нет статьи {0}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“{0}” already has this question.</source>
        <translation>В статье «{0}» этот вопрос уже есть.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Added the question to “{0}”; searchable now.</source>
        <translation>Вопрос добавлен в статью «{0}»; уже ищется.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fix the front matter first: {0}</source>
        <translation>Сначала исправьте свойства статьи: {0}</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The {0} version “{1}” was changed {2} days after this one: this article may be out of date (Ctrl+T opens it).</source>
        <translation>Версия {0} «{1}» изменена на {2} дн. позже этой: эта статья, возможно, устарела (Ctrl+T открывает перевод).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This article was changed {0} days after its {1} version “{2}”: check that the translation still matches (Ctrl+T).</source>
        <translation>Эта статья изменена на {0} дн. позже версии {1} «{2}»: проверьте, что перевод ещё соответствует (Ctrl+T).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the article before renaming it.</source>
        <translation>Сохраните статью, прежде чем переименовывать.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save first?</source>
        <translation>Сначала сохранить?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save your edits before renaming?</source>
        <translation>Сохранить правки перед переименованием?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save or close these first: {0}</source>
        <translation>Сначала сохраните или закройте: {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not renamed</source>
        <translation>Не переименовано</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Renamed {0} → {1}; {2} files updated.</source>
        <translation>Переименовано: {0} → {1}; обновлено файлов: {2}.</translation>
    </message>
</context>
<context>
    <name>FillInDialog</name>
    <message>
        <location filename="../../kb_assistant/ui/replies/fill_form.py" line="+67"/>
        <source>Fill in the reply</source>
        <translation>Заполните ответ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The values are kept for this customer until you clear them.</source>
        <translation>Значения сохраняются для этого клиента, пока вы их не очистите.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;OK</source>
        <translation>&amp;ОК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use these values</source>
        <translation>Подставить эти значения</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel</source>
        <translation>О&amp;тмена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without using the values</source>
        <translation>Закрыть, не подставляя значения</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>* required</source>
        <translation>* обязательное поле</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>required</source>
        <translation>обязательное поле</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty: “{0}”</source>
        <translation>если пусто: «{0}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional; when empty the reply says “{0}”</source>
        <translation>необязательное; если пусто, в ответе будет «{0}»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>may stay empty</source>
        <translation>можно не заполнять</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional; may stay empty</source>
        <translation>необязательное; можно не заполнять</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../kb_assistant/ui/article/find_bar.py" line="+25"/>
        <location line="+1"/>
        <source>Find in article</source>
        <translation>Поиск в статье</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ind:</source>
        <translation>Най&amp;ти:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Matches</source>
        <translation>Совпадения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Далее</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find next</source>
        <translation>Найти следующее</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close find bar</source>
        <translation>Закрыть панель поиска</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Not found</source>
        <translation>Не найдено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} of more than {1}</source>
        <translation>{0} из более чем {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More than {0} matches</source>
        <translation>Совпадений больше {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} of {1}</source>
        <translation>{0} из {1}</translation>
    </message>
</context>
<context>
    <name>FrontMatterForm</name>
    <message>
        <location filename="../../kb_assistant/ui/editor/front_matter_form.py" line="+73"/>
        <source>comma separated</source>
        <translation>через запятую</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>One customer question per line</source>
        <translation>По одному вопросу клиента в строке</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>YYYY-MM-DD</source>
        <translation>ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To&amp;day</source>
        <translation>Се&amp;годня</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not set</source>
        <translation>не задано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>en: article-id</source>
        <translation>en: id-статьи</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Front matter message</source>
        <translation>Сообщение о свойствах</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Title</source>
        <translation>&amp;Заголовок</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ta&amp;gs</source>
        <translation>&amp;Теги</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Product</source>
        <translation>&amp;Продукт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Owner</source>
        <translation>&amp;Ответственный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Questions</source>
        <translation>&amp;Вопросы</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Reviewed</source>
        <translation>Провере&amp;но</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review &amp;every</source>
        <translation>Прове&amp;рять каждые</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tra&amp;nslations</source>
        <translation>П&amp;ереводы</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set reviewed to today</source>
        <translation>Отметить проверку сегодняшним днём</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Reviewed: write the date as YYYY-MM-DD.</source>
        <translation>Проверено: укажите дату в виде ГГГГ-ММ-ДД.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Translations: write them as “en: article-id, ru: article-id”.</source>
        <translation>Переводы: укажите их так: «en: id-статьи, ru: id-статьи».</translation>
    </message>
</context>
<context>
    <name>GapsTab</name>
    <message>
        <location filename="../../kb_assistant/ui/insights/tabs.py" line="-117"/>
        <source>Asked</source>
        <translation>Спрашивали</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Questions as agents typed them</source>
        <translation>Вопросы так, как их ввели операторы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last asked</source>
        <translation>Последний раз</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Questions nothing answered</source>
        <translation>Вопросы без ответа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create an article from this</source>
        <translation>&amp;Написать статью по вопросу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;dd as a question to…</source>
        <translation>&amp;Добавить вопросом в…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Searches with no good match, searches given up and articles marked “did not help”, grouped by similar wording. Enter on a row creates an article.</source>
        <translation>Поиски без хорошего совпадения, брошенные поиски и статьи с отметкой «не помогла», сгруппированные по похожим формулировкам. Enter на строке создаёт статью.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Questions nothing answered:</source>
        <translation>&amp;Вопросы без ответа:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No content gaps in this period: every search found an answer nobody said did not help.</source>
        <translation>За этот период пробелов нет: каждый поиск нашёл ответ, и никто не отметил, что он не помог.</translation>
    </message>
</context>
<context>
    <name>Hotkey</name>
    <message>
        <location filename="../../kb_assistant/app.py" line="+163"/>
        <source>The quick search key {0} is not available here (another app may hold it): choose another in the settings, or use the desktop&apos;s shortcut running kb-assistant --show.</source>
        <translation>Клавиша быстрого поиска {0} здесь недоступна (возможно, её заняла другая программа): выберите другую в настройках или сочетание клавиш рабочего стола, запускающее kb-assistant --show.</translation>
    </message>
    <message>
        <location filename="../../kb_assistant/ui/system/hotkey.py" line="+54"/>
        <source>macOS lets no app take a global key: use a shortcut running kb-assistant --show.</source>
        <translation>macOS не даёт программам глобальных клавиш: используйте ярлык, запускающий kb-assistant --show.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wayland lets no app take a global key: use the desktop&apos;s shortcut running kb-assistant --show.</source>
        <translation>Wayland не даёт программам глобальных клавиш: используйте сочетание клавиш рабочего стола, запускающее kb-assistant --show.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No X display here: use the desktop&apos;s shortcut running kb-assistant --show.</source>
        <translation>Здесь нет дисплея X: используйте сочетание клавиш рабочего стола, запускающее kb-assistant --show.</translation>
    </message>
</context>
<context>
    <name>InsightsWindow</name>
    <message>
        <location filename="../../kb_assistant/ui/insights/window.py" line="+55"/>
        <source>Insights — KB Assistant</source>
        <translation>Аналитика — KB Assistant</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Last {0} days</source>
        <translation>Последние {0} дн.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Period:</source>
        <translation>П&amp;ериод:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;fresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work the insights out again (F5)</source>
        <translation>Пересчитать аналитику (F5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Summary</source>
        <translation>Суть</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Content &amp;gaps</source>
        <translation>&amp;Пробелы в базе</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Articles</source>
        <translation>&amp;Статьи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replies</source>
        <translation>О&amp;тветы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels and la&amp;nguages</source>
        <translation>&amp;Каналы и языки</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Insights</source>
        <translation>Аналитика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clos&amp;e</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Working out the insights…</source>
        <translation>Аналитика считается…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The insights could not be worked out: {0}</source>
        <translation>Не удалось посчитать аналитику: {0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No usage recorded in this period yet: searches, opened articles and copied replies appear here.</source>
        <translation>За этот период использование ещё не записано: здесь появятся поиски, открытые статьи и скопированные ответы.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} events in the last {1} days: {2} content gaps, {3} articles used, {4} replies copied.</source>
        <translation>Событий за последние {1} дн.: {0}; пробелов в базе: {2}, использовано статей: {3}, скопировано ответов: {4}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other</source>
        <translation>Другие</translation>
    </message>
</context>
<context>
    <name>LearningWindow</name>
    <message>
        <location filename="../../kb_assistant/ui/learning/learning_window.py" line="+43"/>
        <source>KB Assistant — learning</source>
        <translation>KB Assistant — обучение</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Flashcards</source>
        <translation>Карточки</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Browse</source>
        <translation>&amp;Обзор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paths</source>
        <translation>&amp;Маршруты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-chec&amp;k</source>
        <translation>&amp;Проверь себя</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <source>&amp;What changed</source>
        <translation>&amp;Что изменилось</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark as lear&amp;ned</source>
        <translation>Отметить как &amp;изученную</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Cl&amp;ose</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>&amp;Learning</source>
        <translation>О&amp;бучение</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Study &amp;today&apos;s cards</source>
        <translation>&amp;Учить карточки на сегодня</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+1"/>
        <source>Learning mode</source>
        <translation>Режим обучения</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Browse the knowledge base</source>
        <translation>&amp;Обзор базы знаний</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading &amp;paths</source>
        <translation>&amp;Маршруты чтения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Self-check</source>
        <translation>&amp;Проверь себя</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Continue reading</source>
        <translation>Продо&amp;лжить чтение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the article as &amp;learned</source>
        <translation>Отметить статью как &amp;изученную</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Link not opened: {0}</source>
        <translation>Ссылка не открыта: {0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“{0}” is done: every article is read.</source>
        <translation>«{0}» пройден: все статьи прочитаны.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The knowledge base is loading…</source>
        <translation>База знаний загружается…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>box {0}: {1}</source>
        <translation>ящик {0}: {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} cards in all: {1} new, {2} due for review today, {3} learned.
{4}

A right answer moves a card up a box (due again after 1, 3, 7, 14, 30 days); a wrong one sends it back to box 1.</source>
        <translation>Всего карточек: {0}; новых: {1}, на повторение сегодня: {2}, выучено: {3}.
{4}

Верный ответ переносит карточку в следующий ящик (повтор через 1, 3, 7, 14, 30 дней), неверный — обратно в ящик 1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} cards to study today. Press “Study today&apos;s cards” to begin.</source>
        <translation>Карточек на сегодня: {0}. Нажмите «Учить карточки на сегодня», чтобы начать.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No cards to study now. Come back when reviews are due.</source>
        <translation>Сейчас учить нечего. Возвращайтесь, когда подойдёт время повторения.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} quiz questions could not be read (View → Problems in the main window).</source>
        <translation>Не удалось прочитать вопросов самопроверки: {0} (Вид → Проблемы в главном окне).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kb_assistant/ui/mainwindow.py" line="+77"/>
        <source>KB Assistant</source>
        <translation>KB Assistant</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opening the knowledge base…</source>
        <translation>Открываем базу знаний…</translation>
    </message>
    <message>
        <location filename="../../kb_assistant/ui/menus.py" line="+31"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;New article…</source>
        <translation>&amp;Новая статья…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit this article</source>
        <translation>Р&amp;едактировать статью</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reload knowledge base</source>
        <translation>&amp;Перезагрузить базу знаний</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Find in article</source>
        <translation>&amp;Найти в статье</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pin or unpin article</source>
        <translation>&amp;Закрепить или открепить статью</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Settings…</source>
        <translation>Н&amp;астройки…</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&amp;Learning mode</source>
        <translation>Режим &amp;обучения</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>&amp;Tools</source>
        <translation>&amp;Инструменты</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Navigate</source>
        <translation>Пере&amp;ход</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>S&amp;ync with the team now</source>
        <translation>С&amp;инхронизировать с командой</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pu&amp;blish my changes…</source>
        <translation>Опу&amp;бликовать мои изменения…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Go to the search box</source>
        <translation>Перейти в строку &amp;поиска</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;New customer (put the values aside)</source>
        <translation>&amp;Новый клиент (отложить значения)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Use the previous customer&apos;s values</source>
        <translation>&amp;Использовать значения предыдущего клиента</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This article &amp;did not help</source>
        <translation>&amp;Эта статья не помогла</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Report to developers…</source>
        <translation>&amp;Сообщить разработчикам…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;view queue…</source>
        <translation>Очередь п&amp;роверки…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Insights…</source>
        <translation>&amp;Аналитика…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About KB Assistant</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Command palette…</source>
        <translation>Палитра &amp;команд…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear the search; press again to hide the window</source>
        <translation>Очистить поиск; ещё раз — скрыть окно</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Back</source>
        <translation>&amp;Назад</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Forward</source>
        <translation>&amp;Вперёд</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to &amp;section…</source>
        <translation>Перейти к &amp;разделу…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>This knowledge base is not in git: it is read from its folder as it is.</source>
        <translation>Эта база знаний не в git: она читается из своей папки как есть.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Copy reply {0}: {1}</source>
        <translation>Скопировать ответ {0}: {1}</translation>
    </message>
    <message>
        <location line="-148"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>&amp;Reply</source>
        <translation>&amp;Ответ</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Copy the &amp;first reply</source>
        <translation>Скопировать &amp;первый ответ</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+128"/>
        <source>Copy reply {0}</source>
        <translation>Скопировать ответ {0}</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>Zoom &amp;in</source>
        <translation>У&amp;величить текст</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;out</source>
        <translation>Уме&amp;ньшить текст</translation>
    </message>
    <message>
        <location filename="../../kb_assistant/ui/mainwindow.py" line="+94"/>
        <source>{0} articles ready</source>
        <translation>Загружено статей: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; {0} errors in the knowledge base (View → Problems)</source>
        <translation>; ошибок в базе знаний: {0} (Вид → Проблемы)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Updating the index: {0} of {1} files; you can search meanwhile</source>
        <translation>Обновление индекса: файл {0} из {1}; искать можно уже сейчас</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Not copied: no article matches the question well.</source>
        <translation>Не скопировано: ни одна статья не подходит к вопросу достаточно хорошо.</translation>
    </message>
    <message>
        <location filename="../../kb_assistant/ui/menus.py" line="+74"/>
        <source>Unpinned “{0}”.</source>
        <translation>Статья «{0}» откреплена.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pinned “{0}”.</source>
        <translation>Статья «{0}» закреплена.</translation>
    </message>
    <message>
        <location filename="../../kb_assistant/ui/mainwindow.py" line="-11"/>
        <source>Link not opened: {0}</source>
        <translation>Ссылка не открыта: {0}</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Text size {0} pt</source>
        <translation>Размер текста: {0} пт</translation>
    </message>
    <message>
        <location filename="../../kb_assistant/ui/menus.py" line="-76"/>
        <source>&amp;What changed</source>
        <translation>Что &amp;изменилось</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../kb_assistant/ui/system/messages.py" line="+62"/>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning</source>
        <translation>предупреждение</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;knowledge base&gt;</source>
        <translation>&lt;база знаний&gt;</translation>
    </message>
    <message>
        <location filename="../../kb_assistant/ui/editor/editor_checks.py" line="-9"/>
        <location filename="../../kb_assistant/ui/system/messages.py" line="+4"/>
        <source>line {0}</source>
        <translation>строка {0}</translation>
    </message>
    <message>
        <location filename="../../kb_assistant/core/messages.py" line="+49"/>
        <source>unexpected problem ({code})</source>
        <translation>непредвиденная проблема ({code})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unexpected error ({type}); the details are in the log</source>
        <translation>непредвиденная ошибка ({type}); подробности в журнале</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>binary file (contains NUL bytes)</source>
        <translation>двоичный файл (содержит байты NUL)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>broken UTF-16 text at byte {offset}</source>
        <translation>повреждённый текст UTF-16 в байте {offset}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>neither UTF-8 nor cp1251 (undecodable byte {byte} at offset {offset})</source>
        <translation>ни UTF-8, ни cp1251 (нераспознаваемый байт {byte} в позиции {offset})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path}: cannot read: {reason}</source>
        <translation>{path}: не удаётся прочитать: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: cannot read the text: {reason}</source>
        <translation>{path}: не удаётся прочитать текст: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: cannot save: {reason}</source>
        <translation>{path}: не удаётся сохранить: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: cannot save: {reason}; the file on disk is unchanged</source>
        <translation>{path}: не удаётся сохранить: {reason}; файл на диске не изменён</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path}: cannot save: cannot create a temporary file in {folder}: {reason}</source>
        <translation>{path}: не удаётся сохранить: не получается создать временный файл в папке {folder}: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path}: cannot save: no free temporary file name in {folder}</source>
        <translation>{path}: не удаётся сохранить: в папке {folder} нет свободного имени для временного файла</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: cannot create its folder: {reason}</source>
        <translation>{path}: не удаётся создать папку для файла: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: saved, but cannot be read back: {reason}</source>
        <translation>{path}: сохранено, но файл не удаётся прочитать обратно: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: cannot check the file on disk: {reason}</source>
        <translation>{path}: не удаётся проверить файл на диске: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: a file with this name already exists</source>
        <translation>{path}: файл с таким именем уже существует</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}:{line}:{column}: the character &apos;{char}&apos; ({codepoint}) cannot be stored in {encoding}, the encoding of this file; save it as UTF-8 instead</source>
        <translation>{path}:{line}:{column}: символ «{char}» ({codepoint}) нельзя сохранить в кодировке этого файла ({encoding}); сохраните файл в UTF-8</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path}:{line}:{column}: the text holds an invalid character ({codepoint}) that no file can store</source>
        <translation>{path}:{line}:{column}: в тексте есть недопустимый символ ({codepoint}), который нельзя сохранить ни в одном файле</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path}: the file was changed on disk since it was opened; not overwritten</source>
        <translation>{path}: файл изменился на диске после открытия; он не перезаписан</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path}: the file was deleted since it was opened; not overwritten</source>
        <translation>{path}: файл удалён после открытия; он не перезаписан</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path}: cannot create the autosave folder: {reason}</source>
        <translation>{path}: не удаётся создать папку автосохранения: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: cannot remove the autosaved draft: {reason}</source>
        <translation>{path}: не удаётся удалить автосохранённый черновик: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot list autosaved drafts: {reason}</source>
        <translation>не удаётся получить список автосохранённых черновиков: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>autosaved draft skipped: {reason}</source>
        <translation>автосохранённый черновик пропущен: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot read it: {reason}</source>
        <translation>не удаётся прочитать: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not text (undecodable byte at offset {offset})</source>
        <translation>это не текст (нераспознаваемый байт в позиции {offset})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not valid JSON: {reason} (column {column})</source>
        <translation>некорректный JSON: {reason} (столбец {column})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nested too deeply</source>
        <translation>слишком глубокая вложенность</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a JSON object</source>
        <translation>это не объект JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing or invalid {names}</source>
        <translation>отсутствуют или некорректны поля {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; is not a date and time: {value}</source>
        <translation>«{name}» — не дата и время: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{name}&apos; is not a whole number: {value}</source>
        <translation>«{name}» — не целое число: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; is not a time: {value}</source>
        <translation>«{name}» — не время: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; is not true or false: {value}</source>
        <translation>«{name}» — не логическое значение (true или false): {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; is not a date: {value}</source>
        <translation>«{name}» — не дата: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; is not a JSON object</source>
        <translation>«{name}» — не объект JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;path&apos;, &apos;title&apos; and &apos;hash&apos; must be texts</source>
        <translation>«path», «title» и «hash» должны быть текстом</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;sections&apos; must be a list of [name, hash] pairs</source>
        <translation>«sections» должен быть списком пар [имя, хеш]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a record this version can read</source>
        <translation>запись в формате, который эта версия не читает</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>something went wrong with the knowledge base</source>
        <translation>ошибка при работе с базой знаний</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>knowledge base folder not found: {path}</source>
        <translation>папка базы знаний не найдена: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no knowledge base given: use --kb DIR</source>
        <translation>база знаний не указана: используйте --kb ПАПКА</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no article with id &apos;{id}&apos;</source>
        <translation>нет статьи с id «{id}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{id}&apos; is not a snippet of this knowledge base; choose another greeting or closing</source>
        <translation>«{id}» — не фрагмент этой базы знаний; выберите другое приветствие или завершение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>article &apos;{id}&apos; has no reply &apos;{reply}&apos;; it has: {names}</source>
        <translation>в статье «{id}» нет ответа «{reply}»; есть: {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>article &apos;{id}&apos; has no replies</source>
        <translation>в статье «{id}» нет ответов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{id}&apos; is a snippet: its only reply is &apos;{title}&apos;</source>
        <translation>«{id}» — фрагмент: его единственный ответ — «{title}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unfilled placeholders: {names}</source>
        <translation>не заполнены поля: {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no clipboard available: install xclip, xsel or wl-clipboard (Linux), or print the reply without --copy ({type})</source>
        <translation>буфер обмена недоступен: установите xclip, xsel или wl-clipboard (Linux) или выведите ответ без --copy ({type})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the search index could not be opened, built or updated</source>
        <translation>не удалось открыть, построить или обновить поисковый индекс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the index is being updated by another process; try again in a moment</source>
        <translation>индекс сейчас обновляет другой процесс; повторите чуть позже</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path}: the search index cannot be written: {reason}</source>
        <translation>{path}: не удаётся записать поисковый индекс: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: a process building the search index stopped unexpectedly; the index as it was is kept</source>
        <translation>{path}: процесс, который строил поисковый индекс, неожиданно завершился; индекс оставлен как был</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{reason}; answering from the index as it was</source>
        <translation>{reason}; поиск идёт по индексу в прежнем виде</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new index</source>
        <translation>новый индекс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>asked to rebuild</source>
        <translation>запрошено перестроение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no manifest</source>
        <translation>нет описи индекса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>schema version {old} -&gt; {new}</source>
        <translation>версия схемы {old} -&gt; {new}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>index belongs to another KB</source>
        <translation>индекс принадлежит другой базе знаний</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>index unreadable ({reason})</source>
        <translation>индекс не читается ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>index damaged: {reason}</source>
        <translation>индекс повреждён: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its checksums are missing or unreadable</source>
        <translation>его контрольные суммы отсутствуют или не читаются</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is missing</source>
        <translation>{name} отсутствует</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} has changed size</source>
        <translation>у {name} изменился размер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is damaged</source>
        <translation>{name} повреждён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The search index could not be used ({reason}) and has been rebuilt.</source>
        <translation>Поисковым индексом нельзя было пользоваться ({reason}), и он перестроен.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>search failed: {reason}</source>
        <translation>ошибка поиска: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: the settings cannot be used ({reason}); using defaults</source>
        <translation>{path}: настройки нельзя использовать ({reason}); используются значения по умолчанию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: settings must be a JSON object; using defaults</source>
        <translation>{path}: настройки должны быть объектом JSON; используются значения по умолчанию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: cannot read settings: {reason}</source>
        <translation>{path}: не удаётся прочитать настройки: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>file is {size_kib} KiB, larger than the {limit_mib} MiB an article may have; skipped</source>
        <translation>файл занимает {size_kib} КиБ — больше допустимых для статьи {limit_mib} МиБ; пропущен</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot read the text: {reason}; skipped</source>
        <translation>не удаётся прочитать текст: {reason}; пропущен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file is not UTF-8; read as Windows-1251 (cp1251). Save it as UTF-8 to silence this warning</source>
        <translation>файл не в UTF-8; прочитан как Windows-1251 (cp1251). Сохраните его в UTF-8, чтобы предупреждение исчезло</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>file is empty; skipped</source>
        <translation>файл пуст; пропущен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>article has no title: add &apos;title:&apos; to the front matter or a &apos;# &apos; heading; the file name is used meanwhile</source>
        <translation>у статьи нет названия: добавьте «title:» в метаданные или заголовок «# »; пока используется имя файла</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>reply heading has no name (use &apos;## Reply: NAME&apos;)</source>
        <translation>у заголовка ответа нет названия (пишите «## Ответ: НАЗВАНИЕ»)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>two replies are called &apos;{name}&apos;; agents will not tell them apart</source>
        <translation>два ответа называются «{name}»; операторы не смогут их различить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>front matter starts with &apos;---&apos; but is never closed by a &apos;---&apos; line</source>
        <translation>метаданные начинаются с «---», но не закрыты строкой «---»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>front matter is not valid YAML: {problem}</source>
        <translation>метаданные — некорректный YAML: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>front matter is not valid YAML at line {line}: {problem}</source>
        <translation>метаданные — некорректный YAML в строке {line}: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>front matter is not valid YAML at line {line}: character {char} is not allowed</source>
        <translation>метаданные — некорректный YAML в строке {line}: символ {char} недопустим</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>front matter must be a mapping of keys to values, not a list</source>
        <translation>метаданные должны быть набором пар «ключ: значение», а не списком</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>front matter must be a mapping of keys to values, not text</source>
        <translation>метаданные должны быть набором пар «ключ: значение», а не текстом</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>front matter must be a mapping of keys to values</source>
        <translation>метаданные должны быть набором пар «ключ: значение»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{key}&apos; should be text, got {value}</source>
        <translation>значение «{key}» должно быть текстом, а указано: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{key}&apos; should be a language code such as &apos;ru&apos; or &apos;en&apos;, got {value}</source>
        <translation>значение «{key}» должно быть кодом языка, например «ru» или «en», а указано: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{key}&apos; should be a list of texts, got {value}</source>
        <translation>значение «{key}» должно быть списком строк, а указано: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{key}&apos; should be a mapping of language to article id (ru: refund-ru), got {value}</source>
        <translation>значение «{key}» должно сопоставлять языку id статьи (ru: refund-ru), а указано: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{key}&apos; should be a date as YYYY-MM-DD, got {value}</source>
        <translation>значение «{key}» должно быть датой в виде ГГГГ-ММ-ДД, а указано: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{key}&apos; should be a whole number of days above 0, got {value}</source>
        <translation>значение «{key}» должно быть целым числом дней больше 0, а указано: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{key}&apos; should be &apos;article&apos; or &apos;snippet&apos;, got {value}</source>
        <translation>значение «{key}» должно быть «article» или «snippet», а указано: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{key}&apos; should be a list of placeholder names, got {value}</source>
        <translation>значение «{key}» должно быть списком имён полей, а указано: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the front matter cannot be edited: {reason}</source>
        <translation>метаданные нельзя изменить: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the front matter cannot be rewritten without changing other keys; edit it in the text instead</source>
        <translation>метаданные не удаётся переписать, не затронув другие ключи; измените их прямо в тексте</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{key}&apos; must be text, not {type}</source>
        <translation>значение «{key}» должно быть текстом, а не {type}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{key}&apos; must be a list of texts</source>
        <translation>значение «{key}» должно быть списком строк</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{key}&apos; must be a mapping of language to article id</source>
        <translation>значение «{key}» должно сопоставлять языку id статьи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{key}&apos; must be a date as YYYY-MM-DD, got {value}</source>
        <translation>значение «{key}» должно быть датой в виде ГГГГ-ММ-ДД, а указано: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{key}&apos; must be a whole number of days</source>
        <translation>значение «{key}» должно быть целым числом дней</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{key}&apos; must be at least 1 day</source>
        <translation>значение «{key}» должно быть не меньше 1 дня</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot open folder: {reason}</source>
        <translation>не удаётся открыть папку: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot list folder: {reason}</source>
        <translation>не удаётся прочитать содержимое папки: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>cannot read: {reason}</source>
        <translation>не удаётся прочитать: {reason}</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>cannot read file: {reason}</source>
        <translation>не удаётся прочитать файл: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>folder link leads back to a folder already read; skipped</source>
        <translation>ссылка на папку ведёт в уже прочитанную папку; пропущена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>symbolic link leads nowhere; skipped</source>
        <translation>символическая ссылка никуда не ведёт; пропущена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>id &apos;{id}&apos; is already used by {other}; it is reachable as &apos;{fallback}&apos; meanwhile</source>
        <translation>id «{id}» уже занят файлом {other}; пока статья доступна как «{fallback}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>id &apos;{id}&apos; is already used by {other}; skipped</source>
        <translation>id «{id}» уже занят файлом {other}; пропущена</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not valid YAML: {problem}</source>
        <translation>некорректный YAML: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a mapping (name:, default_lang:, synonyms:, paths:)</source>
        <translation>должен быть набором пар «ключ: значение» (name:, default_lang:, synonyms:, paths:)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;synonyms&apos; should be a list of groups, e.g. [[refund, money back, возврат]]</source>
        <translation>«synonyms» должен быть списком групп, например [[возврат, вернуть деньги, refund]]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>synonym group {number} should list two or more words or phrases, got {value}</source>
        <translation>в группе синонимов {number} должно быть не меньше двух слов или фраз, указано: {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;placeholders&apos; should map each name to its labels by language, e.g. order_id: en: Order number</source>
        <translation>«placeholders» должен сопоставлять каждому имени подписи по языкам, например order_id: ru: Номер заказа</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;paths&apos; should be a list of learning paths</source>
        <translation>«paths» должен быть списком маршрутов обучения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;categories&apos; should map each folder to its labels, e.g. delivery: {{ru: Доставка, en: Delivery}}</source>
        <translation>в &apos;categories&apos; каждой папке нужны подписи, например delivery: {{ru: Доставка, en: Delivery}}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>category {category} needs a label, or labels by language: {{ru: Доставка, en: Delivery}}</source>
        <translation>категории {category} нужна подпись или подписи по языкам: {{ru: Доставка, en: Delivery}}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>learning path {number} should be a mapping with title, lang and articles</source>
        <translation>маршрут обучения {number} должен содержать title, lang и articles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>learning path {number} needs a &apos;title&apos; and a list of &apos;articles&apos;</source>
        <translation>у маршрута обучения {number} должны быть «title» и список «articles»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>empty [[ ]] link</source>
        <translation>пустая ссылка [[ ]]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[[{target}]] points to no article</source>
        <translation>ссылка [[{target}]] не ведёт ни на одну статью</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[[{target}]] points to no article (did you mean &apos;{suggestion}&apos;?)</source>
        <translation>ссылка [[{target}]] не ведёт ни на одну статью (может быть, «{suggestion}»?)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>link &apos;{target}&apos; leads outside the knowledge base</source>
        <translation>ссылка «{target}» ведёт за пределы базы знаний</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>link &apos;{target}&apos; points to a file that does not exist</source>
        <translation>ссылка «{target}» ведёт на несуществующий файл</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty link</source>
        <translation>пустая ссылка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>links of type &apos;{scheme}:&apos; are not opened</source>
        <translation>ссылки вида «{scheme}:» не открываются</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>absolute paths are not opened</source>
        <translation>абсолютные пути не открываются</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no article at &apos;{target}&apos;</source>
        <translation>по адресу «{target}» нет статьи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>translation &apos;{lang}: {target}&apos; points to no article</source>
        <translation>перевод «{lang}: {target}» не ведёт ни на одну статью</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>translation &apos;{lang}: {target}&apos; points to no article (did you mean &apos;{suggestion}&apos;?)</source>
        <translation>перевод «{lang}: {target}» не ведёт ни на одну статью (может быть, «{suggestion}»?)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>translation &apos;{lang}: {target}&apos; is written in &apos;{other_lang}&apos;</source>
        <translation>перевод «{lang}: {target}» написан на языке «{other_lang}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>id &apos;{id}&apos; is already used by {other}</source>
        <translation>id «{id}» уже занят файлом {other}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the front matter cannot be read: line 1 must be exactly &apos;---&apos;, so the lines up to line {closing} are read as article text and the article loses its title, questions and language</source>
        <translation>метаданные не читаются: первая строка должна быть ровно «---», поэтому всё до строки {closing} читается как текст статьи, и статья теряет название, вопросы и язык</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the customer question is still the template&apos;s sample: write how customers really ask, or delete it</source>
        <translation>вопрос клиента всё ещё из шаблона: напишите, как клиенты спрашивают на самом деле, или удалите его</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this line is still the template&apos;s sample text: write your own</source>
        <translation>эта строка всё ещё из шаблона: напишите свой текст</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the reply is still the template&apos;s sample: write it, or delete it</source>
        <translation>ответ всё ещё из шаблона: напишите его или удалите</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>review was due on {due} (reviewed {reviewed}, every {days} days)</source>
        <translation>проверку нужно было провести до {due} (последняя — {reviewed}, раз в {days} дн.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reply &apos;{reply}&apos;: {issue}</source>
        <translation>ответ «{reply}»: {issue}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reply &apos;{reply}&apos;: unknown placeholder &apos;{placeholder}&apos;; did you mean &apos;{suggestion}&apos;?</source>
        <translation>ответ «{reply}»: неизвестное поле «{placeholder}»; может быть, «{suggestion}»?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reply &apos;{reply}&apos;: placeholder &apos;{placeholder}&apos; is not declared in _kb.yml; agents will be asked for it without a label</source>
        <translation>ответ «{reply}»: поле «{placeholder}» не объявлено в _kb.yml; операторы увидят его в форме без подписи</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>learning path &apos;{path}&apos; lists &apos;{id}&apos;, which is no article</source>
        <translation>в маршруте обучения «{path}» указано «{id}», но такой статьи нет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>learning path &apos;{path}&apos; lists &apos;{id}&apos;, which is no article (did you mean &apos;{suggestion}&apos;?)</source>
        <translation>в маршруте обучения «{path}» указано «{id}», но такой статьи нет (может быть, «{suggestion}»?)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>learning path &apos;{path}&apos; ({lang}) lists &apos;{id}&apos;, written in &apos;{other_lang}&apos;</source>
        <translation>в маршруте обучения «{path}» ({lang}) указана статья «{id}» на языке «{other_lang}»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{open}&apos; without a closing &apos;{close}&apos; on the same line</source>
        <translation>«{open}» без закрывающих «{close}» в той же строке</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{close}&apos; without an opening &apos;{open}&apos;</source>
        <translation>«{close}» без открывающих «{open}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>braces inside a placeholder: {text}</source>
        <translation>фигурные скобки внутри поля: {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>placeholder without a name: {text}</source>
        <translation>поле без имени: {text}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid placeholder name &apos;{name}&apos;: use a-z, 0-9 and _</source>
        <translation>недопустимое имя поля «{name}»: используйте a-z, 0-9 и _</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid placeholder name &apos;{name}&apos;: use a-z, 0-9 and _ (e.g. {hint})</source>
        <translation>недопустимое имя поля «{name}»: используйте a-z, 0-9 и _ (например, {hint})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>quiz section &apos;{section}&apos; has no questions; number them: &apos;1. Question?&apos;</source>
        <translation>в разделе теста «{section}» нет вопросов; пронумеруйте их: «1. Вопрос?»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the question &apos;{question}&apos; is asked twice in this article; the second one is left out</source>
        <translation>вопрос «{question}» встречается в статье дважды; второй пропущен</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>option outside a question; start the question with a number: &apos;1. Question?&apos;</source>
        <translation>вариант ответа вне вопроса; начните вопрос с номера: «1. Вопрос?»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>question {number} has both options and a &apos;&gt;&apos; answer; give it one kind of answer</source>
        <translation>у вопроса {number} есть и варианты, и ответ «&gt;»; оставьте что-то одно</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>text after question {number} is not part of it and is left out; indent it under the question, or start a new numbered question</source>
        <translation>текст после вопроса {number} не относится к нему и пропущен; сдвиньте его под вопрос отступом или начните новый пронумерованный вопрос</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>question {number} has no text</source>
        <translation>у вопроса {number} нет текста</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>question {number} (&apos;{question}&apos;) has an option without text</source>
        <translation>в вопросе {number} («{question}») есть вариант без текста</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>question {number} (&apos;{question}&apos;) has a single option; add the wrong ones as &apos;- [ ] ...&apos;</source>
        <translation>в вопросе {number} («{question}») только один вариант; добавьте неверные как «- [ ] ...»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>question {number} (&apos;{question}&apos;) has no right option; mark it &apos;- [x] ...&apos;</source>
        <translation>в вопросе {number} («{question}») нет верного варианта; отметьте его «- [x] ...»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>question {number} (&apos;{question}&apos;): a list item without a &apos;[ ]&apos; box is not an option and is left out</source>
        <translation>вопрос {number} («{question}»): пункт списка без «[ ]» не считается вариантом и пропущен</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>question {number} (&apos;{question}&apos;): options need a box, &apos;- [x] right&apos; or &apos;- [ ] wrong&apos;</source>
        <translation>вопрос {number} («{question}»): у вариантов должна быть отметка: «- [x] верно» или «- [ ] неверно»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>question {number} (&apos;{question}&apos;) has no answer; add options (&apos;- [x] right&apos;, &apos;- [ ] wrong&apos;) or an answer line &apos;&gt; ...&apos;</source>
        <translation>у вопроса {number} («{question}») нет ответа; добавьте варианты («- [x] верно», «- [ ] неверно») или строку ответа «&gt; ...»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>learning progress</source>
        <translation>с прогрессом обучения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;what changed&apos; snapshot</source>
        <translation>со снимком «Что изменилось»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} cannot be read ({reason}); changes are not saved until it can</source>
        <translation>файл {file} не удаётся прочитать ({reason}); пока он недоступен, изменения не сохраняются</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{file} was written by a newer version of the app (format {version}, this one reads {supported}); it is ignored but not changed</source>
        <translation>файл {file} записан более новой версией программы (формат {version}, эта версия читает {supported}); он не используется, но и не изменяется</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{file} was written by a newer version of the app (format {version}, this one reads {supported}); it is read but not changed</source>
        <translation>файл {file} записан более новой версией программы (формат {version}, эта версия читает {supported}); он прочитан, но не изменяется</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{file} is unusable ({reason}) and cannot be moved aside ({error}); it is left as it is and changes are not saved</source>
        <translation>файл {file} непригоден ({reason}), и его не удаётся отложить в сторону ({error}); он оставлен как есть, изменения не сохраняются</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{file} was unusable ({reason}); moved aside to {name} and started afresh</source>
        <translation>файл {file} был непригоден ({reason}); он переименован в {name}, обучение начато заново</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reading of &apos;{key}&apos; skipped, kept in the file as it is: {reason}</source>
        <translation>запись о чтении «{key}» пропущена и оставлена в файле как есть: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>flashcard &apos;{key}&apos; skipped, kept in the file as it is: {reason}</source>
        <translation>карточка «{key}» пропущена и оставлена в файле как есть: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>seen article &apos;{key}&apos; skipped, kept in the file as it is: {reason}</source>
        <translation>просмотренная статья «{key}» пропущена и оставлена в файле как есть: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path}: cannot create the learning folder: {reason}</source>
        <translation>{path}: не удаётся создать папку обучения: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>learning progress must be kept outside the knowledge base folder {kb}</source>
        <translation>прогресс обучения нельзя хранить внутри папки базы знаний {kb}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{reason}; learning progress is kept in {folder} for now</source>
        <translation>{reason}; пока прогресс обучения хранится в {folder}</translation>
    </message>
    <message>
        <location filename="../../kb_assistant/core/messages_input.py" line="+18"/>
        <source>{path}: cannot read the history file: {reason}</source>
        <translation>{path}: не удалось прочитать файл истории: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: the history file is larger than {limit} MiB</source>
        <translation>{path}: файл истории больше {limit} МиБ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: the history file is not text</source>
        <translation>{path}: файл истории не текстовый</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: the CSV file has no &apos;text&apos; column (expected columns: text, article)</source>
        <translation>{path}: в CSV-файле нет столбца «text» (нужны столбцы: text, article)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the record has no question text</source>
        <translation>в записи нет текста вопроса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the line is not JSON</source>
        <translation>строка не в формате JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the line is too long to be one question</source>
        <translation>строка слишком длинная для одного вопроса</translation>
    </message>
    <message>
        <location filename="../../kb_assistant/core/messages.py" line="+2"/>
        <source>the rename cannot be done as asked</source>
        <translation>переименовать так, как указано, нельзя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the rename stopped part way</source>
        <translation>переименование прервалось на полпути</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: the article is no longer there; nothing was changed</source>
        <translation>{path}: статьи уже нет на месте; ничего не изменено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot move {path} to &apos;{new_path}&apos;: the new path is empty</source>
        <translation>нельзя переместить {path} в «{new_path}»: новый путь пуст</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot move {path} to &apos;{new_path}&apos;: give a path relative to the knowledge base folder</source>
        <translation>нельзя переместить {path} в «{new_path}»: укажите путь относительно папки базы знаний</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot move {path} to &apos;{new_path}&apos;: the new path leaves the knowledge base folder</source>
        <translation>нельзя переместить {path} в «{new_path}»: новый путь выходит за пределы папки базы знаний</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot move {path} to &apos;{new_path}&apos;: the new path has an empty or &apos;.&apos; folder name</source>
        <translation>нельзя переместить {path} в «{new_path}»: в новом пути есть пустое имя папки или «.»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot move {path} to &apos;{new_path}&apos;: &apos;{name}&apos; starts with &apos;_&apos; or &apos;.&apos;, so the file would no longer be an article</source>
        <translation>нельзя переместить {path} в «{new_path}»: «{name}» начинается с «_» или «.», и файл перестанет быть статьёй</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot move {path} to &apos;{new_path}&apos;: an article&apos;s file name must end with &apos;.md&apos;</source>
        <translation>нельзя переместить {path} в «{new_path}»: имя файла статьи должно оканчиваться на «.md»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot move {path} to &apos;{new_path}&apos;: it is already the article&apos;s path</source>
        <translation>нельзя переместить {path} в «{new_path}»: статья уже лежит по этому пути</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot move {path} to &apos;{new_path}&apos;: &apos;{folder}&apos; is a file, not a folder</source>
        <translation>нельзя переместить {path} в «{new_path}»: «{folder}» — это файл, а не папка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot move {path} to {new_path}: a file with that name already exists</source>
        <translation>нельзя переместить {path} в {new_path}: файл с таким именем уже существует</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path}: &apos;{id}&apos; cannot be an id (empty, or holds &apos;[&apos;, &apos;]&apos;, &apos;|&apos; or a line break)</source>
        <translation>{path}: «{id}» не может быть id (пустой или содержит «[», «]», «|» или перенос строки)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path}: the id &apos;{id}&apos; is already used by {other}; choose another id or path</source>
        <translation>{path}: id «{id}» уже занят файлом {other}; выберите другой id или путь</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot move {path} to {new_path}: {reason}; nothing was changed</source>
        <translation>не удалось переместить {path} в {new_path}: {reason}; ничего не изменено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot move {path} to {new_path}: {reason}; and {path} could not be restored: it holds the edited text</source>
        <translation>не удалось переместить {path} в {new_path}: {reason}; восстановить {path} тоже не удалось: в нём остался изменённый текст</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} was moved to {new_path}, but {sidecar} could not follow it: {reason}. No links were updated yet</source>
        <translation>{path} перемещён в {new_path}, но {sidecar} переместить вслед не удалось: {reason}. Ссылки ещё не обновлены</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} was moved to {new_path}, but {file} could not be updated: {reason}. Changed: {changed}. Not updated: {pending}</source>
        <translation>{path} перемещён в {new_path}, но обновить {file} не удалось: {reason}. Изменены: {changed}. Не обновлены: {pending}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot update its links to &apos;{old}&apos;: {reason}</source>
        <translation>не удаётся обновить в нём ссылки на «{old}»: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>translation &apos;{old}&apos; could not be updated automatically; change it to &apos;{new}&apos; by hand</source>
        <translation>перевод «{old}» не удалось обновить автоматически; замените его на «{new}» вручную</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the front matter is broken, so &apos;id: {new}&apos; cannot be set; fix it first</source>
        <translation>метаданные повреждены, поэтому «id: {new}» указать нельзя; сначала исправьте их</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>could not set &apos;id: {new}&apos; in the front matter; set it by hand</source>
        <translation>не удалось записать «id: {new}» в метаданные; укажите его вручную</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a learning path lists &apos;{old}&apos;; change it to &apos;{new}&apos; by hand</source>
        <translation>в маршруте обучения указано «{old}»; замените на «{new}» вручную</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot be updated: {reason}</source>
        <translation>обновить не удаётся: {reason}</translation>
    </message>
    <message>
        <location filename="../../kb_assistant/core/messages_input.py" line="+1"/>
        <source>expected a JSON object with &quot;text&quot; and &quot;chosen&quot; (a list of article ids)</source>
        <translation>ожидался объект JSON с полями &quot;text&quot; и &quot;chosen&quot; (список id статей)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file does not exist</source>
        <translation>файла нет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>larger than {limit_mib} MiB</source>
        <translation>больше {limit_mib} МиБ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number is written with more than {limit} characters</source>
        <translation>в записи числа больше {limit} знаков</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>symbolic link leads outside the knowledge base (to {target}); skipped</source>
        <translation>символическая ссылка ведёт за пределы базы знаний (в {target}); пропущена</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path}: not saved: it leads outside the knowledge base (to {target}) through a symbolic link</source>
        <translation>{path}: не сохранено: через символическую ссылку файл ведёт за пределы базы знаний (в {target})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path}: not opened: it leads outside the knowledge base (to {target}) through a symbolic link</source>
        <translation>{path}: не открыто: через символическую ссылку файл ведёт за пределы базы знаний (в {target})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file name is not valid text (undecodable bytes); rename it. Skipped</source>
        <translation>имя файла не читается как текст (в нём недопустимые байты); переименуйте файл. Пропущен</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>title file skipped: {reason}</source>
        <translation>файл с названием пропущен: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a file (a folder?); the KB settings in it are ignored</source>
        <translation>это не файл (папка?); настройки базы знаний из него не читаются</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{key}&apos; holds more than {limit} values once its YAML aliases are written out, nests deeper than {depth} levels or contains itself; it is ignored</source>
        <translation>в «{key}» после раскрытия псевдонимов YAML больше {limit} значений, вложенность глубже {depth} уровней или значение содержит само себя; ключ пропущен</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>front matter holds more than {limit} values once its YAML aliases are written out, nests deeper than {depth} levels or contains itself (at key &apos;{key}&apos;); the front matter is ignored</source>
        <translation>в метаданных после раскрытия псевдонимов YAML больше {limit} значений, вложенность глубже {depth} уровней или значение содержит само себя (ключ «{key}»); метаданные не используются</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>front matter nests lists or mappings deeper than {depth} levels; it cannot be edited here</source>
        <translation>в метаданных списки или наборы вложены глубже {depth} уровней; здесь их не отредактировать</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path}: the file is {size_kib} KiB, larger than the {limit_mib} MiB an article may have</source>
        <translation>{path}: файл занимает {size_kib} КиБ — больше допустимых для статьи {limit_mib} МиБ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path}: the file is read-only; it was not changed. Make it writable to save it</source>
        <translation>{path}: файл только для чтения и не изменён. Разрешите запись в него, чтобы сохранить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path}: the settings {names} have values this version cannot use; their defaults are used</source>
        <translation>{path}: у настроек {names} значения, с которыми эта версия не работает; для них используются значения по умолчанию</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path}: Windows cannot hold this name: CON, PRN, AUX, NUL, COM1 to COM9 and LPT1 to LPT9 are reserved there, with any extension; choose another name</source>
        <translation>{path}: в Windows такое имя невозможно: CON, PRN, AUX, NUL, COM1–COM9 и LPT1–LPT9 там зарезервированы с любым расширением; выберите другое имя</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path}: Windows cannot hold this name: it has one of the characters &lt; &gt; : &quot; | ? *; choose another name</source>
        <translation>{path}: в Windows такое имя невозможно: в нём есть один из символов &lt; &gt; : &quot; | ? *; выберите другое имя</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path}: Windows cannot hold this name: a file or folder name there cannot end with a dot or a space; choose another name</source>
        <translation>{path}: в Windows такое имя невозможно: имя файла или папки там не может кончаться точкой или пробелом; выберите другое имя</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unexpected error ({type}: {reason}); nothing more was done. Please report it</source>
        <translation>непредвиденная ошибка ({type}: {reason}); больше ничего не сделано. Пожалуйста, сообщите о ней</translation>
    </message>
    <message>
        <location filename="../../kb_assistant/core/messages_sync.py" line="+17"/>
        <source>git is not installed (or not on PATH): the knowledge base is used as it is, read-only</source>
        <translation>git не установлен (или его нет в PATH): база знаний используется как есть, только для чтения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is not in a git repository: there is nothing to sync</source>
        <translation>{path} не находится в репозитории git: синхронизировать нечего</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot reach {remote} ({reason}); working with the copy on this computer</source>
        <translation>нет связи с {remote} ({reason}); работаем с копией на этом компьютере</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{remote} needs a user name, password, token or SSH key that git does not have ({reason}); set up your git credentials and try again</source>
        <translation>{remote} требует имя пользователя, пароль, токен или ключ SSH, которых у git нет ({reason}); настройте учётные данные git и попробуйте снова</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>git {command} took longer than {seconds} s and was stopped</source>
        <translation>git {command} работал дольше {seconds} с и был остановлен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>git {command} failed: {reason}</source>
        <translation>git {command} завершился с ошибкой: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not on a branch (detached HEAD at {commit}); nothing was changed. Check out a branch first</source>
        <translation>не выбрана ветка (отсоединённый HEAD на {commit}); ничего не изменено. Сначала переключитесь на ветку</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the branch {branch} follows no remote branch; nothing was changed</source>
        <translation>ветка {branch} не связана с удалённой веткой; ничего не изменено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a git {operation} is unfinished in {path}; finish or abort it first. Nothing was changed</source>
        <translation>в {path} не завершена операция git {operation}; сначала завершите или отмените её. Ничего не изменено</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>updated from {upstream}; files changed: {count}</source>
        <translation>обновлено из {upstream}; изменено файлов: {count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already up to date with {upstream}</source>
        <translation>уже совпадает с {upstream}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>up to date with {upstream}; commits made here and not published yet: {count}</source>
        <translation>совпадает с {upstream}; коммитов, сделанных здесь и ещё не опубликованных: {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot fast-forward: your edits to {files} are not committed and the update changes them; nothing was changed. Publish or undo them, then sync again</source>
        <translation>обновиться нельзя: ваши правки в {files} не закоммичены, а обновление меняет эти файлы; ничего не изменено. Опубликуйте или отмените правки и синхронизируйте снова</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot fast-forward: this copy has commits {upstream} does not have ({count}), and {upstream} has new ones ({behind}); nothing was changed. Publish your commits to bring both together</source>
        <translation>обновиться нельзя: в этой копии есть коммиты, которых нет в {upstream} ({count}), а в {upstream} есть новые ({behind}); ничего не изменено. Опубликуйте свои коммиты, чтобы объединить обе истории</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot fast-forward: the history of {upstream} was rewritten (force-pushed); nothing was changed here and nothing is lost. Ask the editors which history is right</source>
        <translation>обновиться нельзя: история {upstream} переписана (force push); здесь ничего не изменено и ничего не потеряно. Спросите редакторов, какая история верна</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>published to {upstream}: {files}</source>
        <translation>опубликовано в {upstream}: {files}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing to publish: no changed files, no unpublished commits</source>
        <translation>публиковать нечего: нет изменённых файлов и неопубликованных коммитов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not published: {files} also changed on {upstream} since you started; choose the text to keep for each. Your commit is kept as it is</source>
        <translation>не опубликовано: {files} тоже изменились в {upstream}, пока вы работали; выберите, какой текст оставить в каждом. Ваш коммит сохранён как есть</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not published: choose the text to keep for {files} first</source>
        <translation>не опубликовано: сначала выберите, какой текст оставить в {files}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not published: others&apos; changes to {files} cannot be brought in while your uncommitted edits to them are there; publish or undo those edits first. Your commit is kept</source>
        <translation>не опубликовано: чужие изменения в {files} нельзя принять, пока в этих файлах есть ваши незакоммиченные правки; сначала опубликуйте или отмените их. Ваш коммит сохранён</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>committed on this computer ({commit}) but not published: {reason}. Publish again later</source>
        <translation>закоммичено на этом компьютере ({commit}), но не опубликовано: {reason}. Опубликуйте позже ещё раз</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{upstream} refused the publish ({reason}); your commit is kept on this computer</source>
        <translation>{upstream} отклонил публикацию ({reason}); ваш коммит сохранён на этом компьютере</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>who is publishing? Give your name and e-mail in the settings, or set git&apos;s user.name and user.email</source>
        <translation>кто публикует? Укажите своё имя и e-mail в настройках или задайте user.name и user.email в git</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>say in a few words what changed: the message is empty</source>
        <translation>опишите в нескольких словах, что изменилось: сообщение пустое</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: not in the knowledge base folder; nothing was published</source>
        <translation>{path}: не в папке базы знаний; ничего не опубликовано</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path}: another installation&apos;s usage file (or sharing is off); nothing was published</source>
        <translation>{path}: файл использования другой установки (или обмен выключен); ничего не опубликовано</translation>
    </message>
</context>
<context>
    <name>NewArticleDialog</name>
    <message>
        <location filename="../../kb_assistant/ui/editor/new_article_dialog.py" line="+57"/>
        <source>New article</source>
        <translation>Новая статья</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(KB root)</source>
        <translation>(корень базы)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snippet (greeting, closing, shared text)</source>
        <translation>Фрагмент (приветствие, прощание, общий текст)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File to create</source>
        <translation>Создаваемый файл</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Title</source>
        <translation>&amp;Заголовок</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Folder</source>
        <translation>&amp;Папка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>T&amp;ype</source>
        <translation>&amp;Тип</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Type a title.</source>
        <translation>Введите заголовок.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder must be inside the knowledge base.</source>
        <translation>Папка должна быть внутри базы знаний.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} already exists: choose another title or folder.</source>
        <translation>{0} уже существует: выберите другой заголовок или папку.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Will be created as {0}</source>
        <translation>Будет создан файл {0}</translation>
    </message>
</context>
<context>
    <name>OutlineDialog</name>
    <message>
        <location filename="../../kb_assistant/ui/article/outline.py" line="+89"/>
        <source>Go to section</source>
        <translation>Переход к разделу</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type to find a section</source>
        <translation>Начните вводить название раздела</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a section</source>
        <translation>Поиск раздела</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up and Down choose, Enter goes there, Esc closes</source>
        <translation>Вверх и Вниз — выбор, Enter — перейти, Esc — закрыть</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sections of the article</source>
        <translation>Разделы статьи</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number of sections</source>
        <translation>Число разделов</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{0}, level {1}</source>
        <translation>{0}, уровень {1}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This article has no sections</source>
        <translation>В этой статье нет разделов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sections: {0} of {1}</source>
        <translation>Разделов: {0} из {1}</translation>
    </message>
</context>
<context>
    <name>PasteBack</name>
    <message>
        <location filename="../../kb_assistant/ui/system/pasteback.py" line="+43"/>
        <source>Needs xdotool, which is not installed (for example: sudo apt install xdotool).</source>
        <translation>Нужен xdotool, он не установлен (например: sudo apt install xdotool).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not possible under Wayland: it does not let one app type into another.</source>
        <translation>Под Wayland невозможно: он не даёт одной программе печатать в другую.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not possible here: this system offers no way to type into another window.</source>
        <translation>Здесь невозможно: система не даёт печатать в другое окно.</translation>
    </message>
</context>
<context>
    <name>PasteBackBox</name>
    <message>
        <location filename="../../kb_assistant/ui/settings/pasteback_box.py" line="+19"/>
        <source>Hotkey and paste-back</source>
        <translation>Горячая клавиша и вставка</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>After copying, paste &amp;back into the window I came from</source>
        <translation>После копирования вставлять в окно, откуда я при&amp;шёл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the hotkey (kb-assistant --show) brought this window up: a copy hides it, gives focus back to the window you were in and pastes the reply there.</source>
        <translation>Когда окно вызвано горячей клавишей (kb-assistant --show): копирование скрывает его, возвращает фокус в окно, где вы были, и вставляет туда ответ.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>off: use the desktop&apos;s shortcut running kb-assistant --show</source>
        <translation>выключено: сочетание клавиш рабочего стола, запускающее kb-assistant --show</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quick search key, anywhere on the desktop:</source>
        <translation>&amp;Горячая клавиша быстрого поиска, в любом окне:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For example {0}; empty: off.</source>
        <translation>Например, {0}; пусто — выключено.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quick search key</source>
        <translation>Горячая клавиша быстрого поиска</translation>
    </message>
</context>
<context>
    <name>PathsPanel</name>
    <message>
        <location filename="../../kb_assistant/ui/learning/paths_panel.py" line="+29"/>
        <source>Overall progress</source>
        <translation>Общий прогресс</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading paths</source>
        <translation>Маршруты чтения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Continue where I stopped</source>
        <translation>Продолжить с места ост&amp;ановки</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{0} of {1} articles on the paths read ({2}%).</source>
        <translation>Прочитано {0} из {1} статей маршрутов ({2}%).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This knowledge base has no reading paths (see &apos;paths&apos; in _kb.yml).</source>
        <translation>В этой базе знаний нет маршрутов чтения (см. «paths» в _kb.yml).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>done</source>
        <translation>пройден</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>next: {0}</source>
        <translation>дальше: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} — {1} of {2} read; {3}</source>
        <translation>{0} — прочитано {1} из {2}; {3}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>  ← continue here</source>
        <translation>  ← продолжить здесь</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}. {1}, {2}</source>
        <translation>{0}. {1}, {2}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read</source>
        <translation>прочитано</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not read</source>
        <translation>не прочитано</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚠ {0}: no such article</source>
        <translation>⚠ {0}: такой статьи нет</translation>
    </message>
</context>
<context>
    <name>Placeholders</name>
    <message>
        <location filename="../../kb_assistant/core/labels.py" line="+10"/>
        <source>Your name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your signature</source>
        <translation>Ваша подпись</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company name</source>
        <translation>Название компании</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today&apos;s date</source>
        <translation>Сегодняшняя дата</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../kb_assistant/ui/editor/problems_panel.py" line="+46"/>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problems in the knowledge base</source>
        <translation>Проблемы в базе знаний</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Problems ({0} errors, {1} warnings)</source>
        <translation>Проблемы (ошибок: {0}, предупреждений: {1})</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../../kb_assistant/ui/sync/publishing.py" line="+20"/>
        <source>Publish to the team</source>
        <translation>Публикация для команды</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What changed</source>
        <translation>Что изменилось</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agents see it in the history of the article</source>
        <translation>Операторы увидят это в истории статьи</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every article changed on this computer</source>
        <translation>Все статьи, изменённые на этом компьютере</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files to publish</source>
        <translation>Файлы для публикации</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;What changed:</source>
        <translation>&amp;Что изменилось:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Publish</source>
        <translation>&amp;Опубликовать</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Files to publish:</source>
        <translation>Файлы для публикации:</translation>
    </message>
</context>
<context>
    <name>PublishFlow</name>
    <message>
        <location line="+25"/>
        <source>This knowledge base is not in git: there is nowhere to publish to.</source>
        <translation>Эта база знаний не в git: публиковать некуда.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Publishing…</source>
        <translation>Публикация…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Update “{0}”</source>
        <translation>Обновление «{0}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update {0} articles</source>
        <translation>Обновление статей: {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+32"/>
        <source>Update articles</source>
        <translation>Обновление статей</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Sync: {0}</source>
        <translation>Синхронизация: {0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing published: your change is committed on this computer. Publish again when you are ready.</source>
        <translation>Ничего не опубликовано: ваше изменение сохранено в коммите на этом компьютере. Опубликуйте снова, когда будете готовы.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Publishing your resolution…</source>
        <translation>Публикуется ваше решение…</translation>
    </message>
</context>
<context>
    <name>QuizCard</name>
    <message>
        <location filename="../../kb_assistant/ui/learning/quiz_card.py" line="+65"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Check</source>
        <translation>Про&amp;верить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show the answer</source>
        <translation>Показать о&amp;твет</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yes, I knew it</source>
        <translation>&amp;Да, я знал(а)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No, I did not</source>
        <translation>&amp;Нет, не знал(а)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne&amp;xt</source>
        <translation>Да&amp;льше</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the &amp;article</source>
        <translation>Прочитать &amp;статью</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>No cards to study now. Come back when reviews are due.</source>
        <translation>Сейчас учить нечего. Возвращайтесь, когда подойдёт время повторения.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Done: {0} cards answered in this session.</source>
        <translation>Готово: в этом подходе отвечено карточек: {0}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Card {0} of {1}</source>
        <translation>Карточка {0} из {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which article answers this customer?
“{0}”</source>
        <translation>Какая статья отвечает этому клиенту?
«{0}»</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> · choose all that apply</source>
        <translation> · выберите все верные</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Choose an answer first.</source>
        <translation>Сначала выберите ответ.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Right!</source>
        <translation>Верно!</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not quite. The answer: {0}</source>
        <translation>Не совсем. Ответ: {0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Right answer</source>
        <translation>Верный ответ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your answer, not right</source>
        <translation>Ваш ответ — неверный</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Did you know it?</source>
        <translation>Вы это знали?</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <location filename="../../kb_assistant/ui/editor/rename_dialog.py" line="+27"/>
        <source>Rename or move “{0}”</source>
        <translation>Переименовать или переместить «{0}»</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Rename</source>
        <translation>&amp;Переименовать</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New &amp;path</source>
        <translation>Новый п&amp;уть</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New &amp;id</source>
        <translation>Новый &amp;id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What changes</source>
        <translation>Что изменится</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Type a new path or id.</source>
        <translation>Введите новый путь или id.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} → {1} (id {2} → {3})</source>
        <translation>{0} → {1} (id {2} → {3})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files to update:</source>
        <translation>Будут обновлены файлы:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  {0}: lines {1}</source>
        <translation>  {0}: строки {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Will break (fix by hand):</source>
        <translation>Сломается (исправьте вручную):</translation>
    </message>
</context>
<context>
    <name>RepliesTab</name>
    <message>
        <location filename="../../kb_assistant/ui/insights/tabs.py" line="+60"/>
        <location line="+4"/>
        <source>Reply</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+4"/>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Copied</source>
        <translation>Скопирован</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last copied</source>
        <translation>Последний раз скопирован</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Most used replies</source>
        <translation>Чаще всего используемые ответы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies by reply</source>
        <translation>Копирования по ответам</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>No reply was copied in this period.</source>
        <translation>За этот период не скопировано ни одного ответа.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Replies never copied</source>
        <translation>Ответы, которые ни разу не копировали</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Most used replies:</source>
        <translation>Чаще всего используе&amp;мые ответы:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;opies by reply:</source>
        <translation>Скоп&amp;ировано по ответам:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne&amp;ver copied in this period:</source>
        <translation>Ни раз&amp;у не копировали за период:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Every reply of the knowledge base was copied in this period.</source>
        <translation>За этот период скопирован каждый ответ базы знаний.</translation>
    </message>
</context>
<context>
    <name>ReplyPanel</name>
    <message>
        <location filename="../../kb_assistant/ui/replies/panel.py" line="+28"/>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messenger</source>
        <translation>Мессенджер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone script</source>
        <translation>Сценарий для звонка</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Greeting not added: the reply already opens with one.</source>
        <translation>Приветствие не добавлено: ответ уже начинается с приветствия.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closing not added: the reply already ends with one.</source>
        <translation>Прощание не добавлено: ответ уже заканчивается прощанием.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature not added: the reply or the closing already signs it.</source>
        <translation>Подпись не добавлена: она уже есть в ответе или в прощании.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Replies</source>
        <translation>Ответы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready replies of this article; Alt+1 to Alt+9 copy one</source>
        <translation>Готовые ответы этой статьи; Alt+1…Alt+9 копируют ответ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Channel:</source>
        <translation>Ка&amp;нал:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reply preview</source>
        <translation>Предпросмотр ответа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;py reply</source>
        <translation>&amp;Копировать ответ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy reply</source>
        <translation>Копировать ответ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected reply for the chosen channel (Ctrl+Enter)</source>
        <translation>Скопировать выделенный ответ в формате выбранного канала (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>In another language: {0}</source>
        <translation>На другом языке: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} (not in this knowledge base)</source>
        <translation>{0} (нет в этой базе знаний)</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Greeting</source>
        <translation>Приветствие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Greeting:</source>
        <translation>Прив&amp;етствие:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closing</source>
        <translation>Прощание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cl&amp;osing:</source>
        <translation>Прощ&amp;ание:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This article has no ready replies.</source>
        <translation>В этой статье нет готовых ответов.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../kb_assistant/ui/report/dialog.py" line="+100"/>
        <source>Report to developers</source>
        <translation>Сообщить разработчикам</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>One step a line</source>
        <translation>По одному шагу в строке</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What should have happened</source>
        <translation>Что должно было произойти</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened instead, with the exact error text</source>
        <translation>Что произошло на самом деле, с точным текстом ошибки</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose or type</source>
        <translation>Выберите или введите</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Summary:</source>
        <translation>&amp;Суть:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+71"/>
        <source>Summary</source>
        <translation>Суть</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>required; one line: what is wrong</source>
        <translation>обязательное; одной строкой: что не так</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;teps to reproduce:</source>
        <translation>&amp;Шаги воспроизведения:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+71"/>
        <source>Steps to reproduce</source>
        <translation>Шаги воспроизведения</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>required; one step a line</source>
        <translation>обязательное; по одному шагу в строке</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Expected result:</source>
        <translation>&amp;Ожидаемый результат:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+70"/>
        <source>Expected result</source>
        <translation>Ожидаемый результат</translation>
    </message>
    <message>
        <location line="-70"/>
        <location line="+1"/>
        <source>required</source>
        <translation>обязательное</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Actual result:</source>
        <translation>&amp;Фактический результат:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+70"/>
        <source>Actual result</source>
        <translation>Фактический результат</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>C&amp;ustomer or order:</source>
        <translation>К&amp;лиент или заказ:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+71"/>
        <source>Customer or order</source>
        <translation>Клиент или заказ</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>the customer&apos;s or the order&apos;s id</source>
        <translation>ID клиента или номер заказа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App &amp;version:</source>
        <translation>&amp;Версия приложения:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+70"/>
        <source>App version</source>
        <translation>Версия приложения</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>the version of the product the customer uses</source>
        <translation>версия продукта, которой пользуется клиент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Platform:</source>
        <translation>&amp;Платформа:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <location line="+62"/>
        <source>Platform</source>
        <translation>Платформа</translation>
    </message>
    <message>
        <location line="-69"/>
        <location line="+7"/>
        <source>choose one or type another</source>
        <translation>выберите из списка или введите свою</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>A&amp;rticle:</source>
        <translation>С&amp;татья:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+69"/>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>the knowledge base article, if any</source>
        <translation>статья базы знаний, если есть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported &amp;by:</source>
        <translation>&amp;Автор отчёта:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+69"/>
        <source>Reported by</source>
        <translation>Автор отчёта</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>&amp;Date:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <location line="+64"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the report as plain text and Markdown (Ctrl+Enter)</source>
        <translation>Скопировать отчёт как обычный текст и Markdown (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as &amp;Markdown</source>
        <translation>Копировать как &amp;Markdown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as Markdown</source>
        <translation>Копировать как Markdown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the Markdown as plain text, for trackers that read plain text</source>
        <translation>Скопировать Markdown обычным текстом — для трекеров, которые читают только текст</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close the form (Esc)</source>
        <translation>Закрыть форму (Esc)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Summary, steps, expected and actual result are required.</source>
        <translation>Суть, шаги, ожидаемый и фактический результат обязательны.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Copied: plain text for a chat and Markdown for a tracker.</source>
        <translation>Скопировано: обычный текст для чата и Markdown для трекера.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Copied as Markdown (plain text).</source>
        <translation>Скопировано как Markdown (обычный текст).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not copied. Fill in: {0}.</source>
        <translation>Не скопировано. Заполните: {0}.</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../kb_assistant/ui/search/model.py" line="+33"/>
        <source>snippet</source>
        <translation>фрагмент</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stale</source>
        <translation>устарела</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>replies: {0}</source>
        <translation>ответов: {0}</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Weak match: {0}</source>
        <translation>Слабое совпадение: {0}</translation>
    </message>
</context>
<context>
    <name>ResultsPane</name>
    <message>
        <location filename="../../kb_assistant/ui/search/pane.py" line="+47"/>
        <source>Results</source>
        <translation>Результаты</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Nothing found for “{0}”.</source>
        <translation>По запросу «{0}» ничего не найдено.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No good match. Closest:</source>
        <translation>Хорошего совпадения нет. Ближайшие:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Searched as: {0}</source>
        <translation>Искали как: {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>Search “{0}” as typed</source>
        <translation>Искать «{0}» как набрано</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../kb_assistant/ui/editor/review_panel.py" line="+49"/>
        <source>Review queue</source>
        <translation>Очередь проверки</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Articles to review, by owner</source>
        <translation>Статьи на проверку по ответственным</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Translations that may be out of date:</source>
        <translation>Переводы, которые могли устареть:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed later</source>
        <translation>Изменена позже</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>May be out of date</source>
        <translation>Могла устареть</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days apart</source>
        <translation>Разница, дн.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translations that may be out of date</source>
        <translation>Переводы, которые могли устареть</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit</source>
        <translation>&amp;Редактировать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mark reviewed today</source>
        <translation>&amp;Отметить проверку сегодня</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No owner</source>
        <translation>Без ответственного</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>never reviewed</source>
        <translation>не проверялась</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} days</source>
        <translation>{0} дн.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{0} articles need a review ({1} never reviewed); {2} translations may be out of date.</source>
        <translation>Статей на проверку: {0} (ни разу не проверялись: {1}); переводов, которые могли устареть: {2}.</translation>
    </message>
</context>
<context>
    <name>SampleBanner</name>
    <message>
        <location filename="../../kb_assistant/ui/search/sample_banner.py" line="+50"/>
        <source>Sample knowledge base</source>
        <translation>Пример базы знаний</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open your team&apos;s folder…</source>
        <translation>Открыть папку команды…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Get it from git…</source>
        <translation>Получить из git…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start an empty KB…</source>
        <translation>Начать пустую базу…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The knowledge base folder {0} is gone (moved, renamed or deleted): this is the sample KB. Open your team&apos;s folder, get it from git or start an empty KB.</source>
        <translation>Папки базы знаний {0} больше нет (перемещена, переименована или удалена): открыт пример базы. Откройте папку команды, получите базу из git или начните пустую.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is a sample KB. Open your team&apos;s folder, get it from git or start an empty KB.</source>
        <translation>Это пример базы знаний. Откройте папку команды, получите базу из git или начните пустую.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open your team&apos;s knowledge base folder</source>
        <translation>Открыть папку базы знаний команды</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Get the knowledge base from git</source>
        <translation>Получить базу знаний из git</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repository URL (your git credentials are used):</source>
        <translation>Адрес репозитория (используются ваши учётные данные git):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder to put the knowledge base in</source>
        <translation>Папка для базы знаний</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Getting {0} into {1}…</source>
        <translation>Получение {0} в {1}…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Folder for the new knowledge base</source>
        <translation>Папка для новой базы знаний</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saved: the knowledge base {0} opens at the next start of KB Assistant (quit KB Assistant and start it again).</source>
        <translation>Сохранено: база знаний {0} откроется при следующем запуске KB Assistant (выйдите из KB Assistant и запустите снова).</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../kb_assistant/ui/search/bar.py" line="+37"/>
        <source>Type the customer&apos;s question (Ctrl+L)</source>
        <translation>Введите вопрос клиента (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results update as you type; Up and Down move through them</source>
        <translation>Результаты обновляются по мере ввода; стрелки вверх и вниз переходят по ним</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All categories</source>
        <translation>Все категории</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category filter</source>
        <translation>Фильтр по категории</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All tags</source>
        <translation>Все теги</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tag filter</source>
        <translation>Фильтр по тегу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All languages</source>
        <translation>Все языки</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Language filter</source>
        <translation>Фильтр по языку</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../kb_assistant/ui/settings/dialog.py" line="+76"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Several lines allowed</source>
        <translation>Можно в несколько строк</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messenger</source>
        <translation>Мессенджер</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>The bundled sample knowledge base</source>
        <translation>Встроенная демонстрационная база знаний</translation>
    </message>
    <message>
        <location line="-143"/>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Выбрать…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>High contrast</source>
        <translation>Высокая контрастность</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> pt</source>
        <translation> пт</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Never</source>
        <translation>Никогда</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> min without a copy</source>
        <translation> мин без копирования</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only when the system reports a change</source>
        <translation>Только когда система сообщает об изменении</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> s without a change reported</source>
        <translation> с без сообщений об изменениях</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your &amp;name:</source>
        <translation>Ваше &amp;имя:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fills {{agent_name}} in replies</source>
        <translation>подставляется в ответы вместо {{agent_name}}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Si&amp;gnature:</source>
        <translation>&amp;Подпись:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signature</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fills {{agent_signature}}</source>
        <translation>подставляется вместо {{agent_signature}}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add the signature for:</source>
        <translation>&amp;Добавлять подпись для:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add the signature for</source>
        <translation>Добавлять подпись для</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Company:</source>
        <translation>&amp;Компания:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fills {{company}}</source>
        <translation>подставляется вместо {{company}}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default c&amp;hannel:</source>
        <translation>Ка&amp;нал по умолчанию:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Default channel</source>
        <translation>Канал по умолчанию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>G&amp;reeting:</source>
        <translation>П&amp;риветствие:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Greeting snippet</source>
        <translation>Приветствие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>added before every reply that does not open with a greeting of its own; can be changed per copy</source>
        <translation>добавляется перед каждым ответом, который не начинается со своего приветствия; можно сменить при копировании</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>added after every reply that does not end with a closing of its own; can be changed per copy</source>
        <translation>добавляется после каждого ответа, в конце которого нет своего прощания; можно сменить при копировании</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Put customer values aside after:</source>
        <translation>Отк&amp;ладывать значения клиента через:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+17"/>
        <source>Put customer values aside after</source>
        <translation>Откладывать значения клиента через</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>then they are shown as the previous customer&apos;s and used only when you take them</source>
        <translation>после этого они показываются как значения предыдущего клиента и подставляются, только если вы их возьмёте</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>C&amp;losing:</source>
        <translation>Прощ&amp;ание:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closing snippet</source>
        <translation>Прощание</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Knowledge base folder:</source>
        <translation>Папка &amp;базы знаний:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+169"/>
        <source>Knowledge base folder</source>
        <translation>Папка базы знаний</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>empty: the bundled sample</source>
        <translation>если пусто — встроенная демонстрационная база</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look for changes e&amp;very:</source>
        <translation>&amp;Сверять с диском каждые:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <source>Look for changes every</source>
        <translation>Сверять с диском каждые</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>for a folder on a network share, where other computers&apos; changes are not reported</source>
        <translation>для папки на сетевом диске, где об изменениях с других компьютеров не сообщается</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interface lang&amp;uage:</source>
        <translation>&amp;Язык интерфейса:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Interface language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Тема:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Font size:</source>
        <translation>Ра&amp;змер шрифта:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+8"/>
        <source>Font size</source>
        <translation>Размер шрифта</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>0: the system default</source>
        <translation>0 — как в системе</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add the signature for: {0}</source>
        <translation>Добавлять подпись для: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse for the knowledge base folder</source>
        <translation>Выбрать папку базы знаний</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;OK</source>
        <translation>&amp;ОК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the settings</source>
        <translation>Сохранить настройки</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close without saving</source>
        <translation>Закрыть без сохранения</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Not added to any reply. Put {{agent_signature}} in a reply or a closing to place it there.</source>
        <translation>Не добавляется ни к одному ответу. Чтобы вставить подпись, поставьте {{agent_signature}} в ответ или прощание.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing is added while the signature is empty. Once written, it goes under the reply, after the closing, when copying for: {0}.</source>
        <translation>Пока подпись пустая, ничего не добавляется. Когда вы её заполните, она будет добавляться под ответом, после прощания, при копировании для каналов: {0}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Added under the reply, after the closing, when copying for: {0}.</source>
        <translation>Добавляется под ответом, после прощания, при копировании для каналов: {0}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left out when the reply or the closing already signs it.</source>
        <translation>Не добавляется, если подпись уже есть в ответе или в прощании.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Open now: {0}</source>
        <translation>Сейчас открыта: {0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+4"/>
        <location line="+1"/>
        <source>{0} (unknown)</source>
        <translation>{0} (неизвестно)</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+1"/>
        <source>{0} (not in this knowledge base)</source>
        <translation>{0} (нет в этой базе знаний)</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <location filename="../../kb_assistant/ui/help/shortcuts.py" line="+30"/>
        <source>Up, Down</source>
        <translation>Вверх, Вниз</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move through the results from the search box</source>
        <translation>Переход по результатам из строки поиска</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected article</source>
        <translation>Открыть выбранную статью</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In the find bar: close it and go back to the article</source>
        <translation>В панели поиска: закрыть её и вернуться к статье</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+Down, Alt+Up</source>
        <translation>Alt+Вниз, Alt+Вверх</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the article: the next or previous link (Enter opens it)</source>
        <translation>В статье: следующая или предыдущая ссылка (Enter открывает её)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Shift+Tab</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The next or previous part of the window</source>
        <translation>Следующая или предыдущая часть окна</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>In fields and lists</source>
        <translation>В полях и списках</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+2"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../kb_assistant/ui/help/registry.py" line="+89"/>
        <source>Agent&apos;s window</source>
        <translation>Окно оператора</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Editor</source>
        <translation>Редактор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning</source>
        <translation>Обучение</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../kb_assistant/ui/system/startup.py" line="+20"/>
        <source>KB Assistant cannot start</source>
        <translation>KB Assistant не может запуститься</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start it with the knowledge base folder: kb-assistant --kb FOLDER, or set the folder in the settings file; reinstalling KB Assistant brings the sample knowledge base back.</source>
        <translation>Запустите с папкой базы знаний: kb-assistant --kb ПАПКА, или укажите папку в файле настроек; переустановка KB Assistant вернёт пример базы знаний.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../kb_assistant/ui/sync/status.py" line="+23"/>
        <source>never synced</source>
        <translation>ещё не синхронизировалась</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>synced just now</source>
        <translation>синхронизирована только что</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>synced {0} min ago</source>
        <translation>синхронизирована {0} мин назад</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>synced at {0}</source>
        <translation>синхронизирована в {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>synced on {0}</source>
        <translation>синхронизирована {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>git is not installed: searching this computer&apos;s copy</source>
        <translation>git не установлен: поиск по копии на этом компьютере</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>detached HEAD</source>
        <translation>отсоединённый HEAD</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>syncing…</source>
        <translation>синхронизация…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>offline: searching this computer&apos;s copy</source>
        <translation>нет связи: поиск по копии на этом компьютере</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not synced: see why in the tooltip</source>
        <translation>не синхронизирована: причина в подсказке</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} new on the server</source>
        <translation>новых на сервере: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} commits not published</source>
        <translation>неопубликованных коммитов: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} files changed here</source>
        <translation>изменено здесь файлов: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>next try in {0} min</source>
        <translation>следующая попытка через {0} мин</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Changed here, not published: {0}</source>
        <translation>Изменено здесь, не опубликовано: {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Knowledge base sync</source>
        <translation>Синхронизация базы знаний</translation>
    </message>
</context>
<context>
    <name>TeamBox</name>
    <message>
        <location filename="../../kb_assistant/ui/settings/team_box.py" line="+15"/>
        <source>Team knowledge base (git)</source>
        <translation>Общая база знаний (git)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only at start and on demand</source>
        <translation>Только при запуске и по команде</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>git&apos;s own (user.name)</source>
        <translation>как в git (user.name)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>git&apos;s own (user.email)</source>
        <translation>как в git (user.email)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For a knowledge base kept in git: agents get the editors&apos; changes, editors publish theirs (Ctrl+Shift+U). Only fast-forwards: nothing of yours is ever replaced.</source>
        <translation>Для базы знаний в git: операторы получают изменения редакторов, редакторы публикуют свои (Ctrl+Shift+U). Только перемотка вперёд: ничего вашего не заменяется.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;ync every:</source>
        <translation>Синхронизировать ка&amp;ждые:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>Sync every</source>
        <translation>Синхронизировать каждые</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Publish as (na&amp;me):</source>
        <translation>Имя для публика&amp;ций:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Publish as, name</source>
        <translation>Имя для публикаций</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish as (e-ma&amp;il):</source>
        <translation>По&amp;чта для публикаций:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Publish as, e-mail</source>
        <translation>Почта для публикаций</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <location filename="../../kb_assistant/ui/system/tray.py" line="+46"/>
        <location line="+21"/>
        <source>KB Assistant</source>
        <translation>KB Assistant</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>&amp;Show window</source>
        <translation>&amp;Показать окно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quick search</source>
        <translation>&amp;Быстрый поиск</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Compact mode</source>
        <translation>&amp;Компактный режим</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>KB Assistant is still running</source>
        <translation>KB Assistant продолжает работать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is in the tray: click its icon to bring it back. Quit is in the icon&apos;s menu and in File → Quit (Ctrl+Q).</source>
        <translation>Он в области уведомлений: щёлкните по значку, чтобы вернуть окно. Выход — в меню значка и в «Файл → Выход» (Ctrl+Q).</translation>
    </message>
</context>
<context>
    <name>UsageBox</name>
    <message>
        <location filename="../../kb_assistant/ui/settings/usage_box.py" line="+23"/>
        <source>Usage data</source>
        <translation>Статистика использования</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>K&amp;eep my usage on this computer</source>
        <translation>&amp;Хранить мою статистику на этом компьютере</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Share it with my team through the knowledge base</source>
        <translation>Д&amp;елиться с командой через базу знаний</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Delete my usage data…</source>
        <translation>&amp;Удалить мою статистику…</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+43"/>
        <source>Delete my usage data</source>
        <translation>Удалить мою статистику</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Deletes what this computer kept of this knowledge base; teammates&apos; shared files stay</source>
        <translation>Удаляет то, что этот компьютер сохранил по этой базе знаний; общие файлы коллег остаются</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kept only on this computer, in {0}: the questions you search, the articles you open and the replies you copy, never the values you fill in.</source>
        <translation>Хранится только на этом компьютере, в {0}: вопросы, которые вы ищете, статьи, которые открываете, и ответы, которые копируете; значения, которые вы заполняете, — никогда.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail addresses, phone, card and other long numbers are masked before anything is written.</source>
        <translation>Адреса e-mail, номера телефонов, карт и другие длинные номера скрываются до записи.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used to rank the articles you chose higher and to show editors what could not be found; kept for {0} days at most, {1} MB at most.</source>
        <translation>Нужно, чтобы выбранные вами статьи стояли выше и редакторы видели, что не нашлось; хранится не дольше {0} дней и не больше {1} МБ.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Counts of answered and unanswered questions and of copied replies, never single events, go to the knowledge base&apos;s _usage folder, in one file for this computer.</source>
        <translation>В папку _usage базы знаний, в один файл для этого компьютера, пишутся только счётчики отвеченных и неотвеченных вопросов и скопированных ответов, а не отдельные события.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Your usage data of this knowledge base was deleted.</source>
        <translation>Ваша статистика по этой базе знаний удалена.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete everything this computer kept of your searches, opened articles and copied replies in this knowledge base, imported history and your shared file included? The search forgets what it learned from them.</source>
        <translation>Удалить всё, что этот компьютер сохранил о ваших поисках, открытых статьях и скопированных ответах в этой базе знаний, включая импортированную историю и ваш общий файл? Поиск забудет то, чему по ним научился.</translation>
    </message>
</context>
<context>
    <name>UsageTracker</name>
    <message>
        <location filename="../../kb_assistant/ui/usage/tracker.py" line="+88"/>
        <source>Search for the customer&apos;s question and open the article that did not help first.</source>
        <translation>Сначала найдите вопрос клиента и откройте статью, которая не помогла.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noted: “{0}” did not help with this question; the search ranks it lower for it.</source>
        <translation>Отмечено: «{0}» не помогла с этим вопросом; поиск будет ставить её ниже по нему.</translation>
    </message>
</context>
</TS>
