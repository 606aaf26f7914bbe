"""Slack: the Bolt app, its surfaces and its transports, one concern per module.

  app.py          build_app(settings, store, transport=...) -> Bolt App; middleware
  events.py       mentions, DMs, App Home, link unfurls
  interactive.py  /election, buttons, the message shortcut
  assistant.py    the assistant panel
  replies.py      question -> a message that fits; delivery
  limits.py, text.py, home.py, wording.py   pure helpers
  wsgi.py         the WSGI entry gunicorn serves over HTTP (Procfile `web:`)
  run.py          Socket Mode in-process, or exec the Procfile's web line

Importing this package imports nothing from slack_bolt: the renderers use text.py and limits.py.
"""
