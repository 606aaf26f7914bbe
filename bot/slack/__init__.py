"""Slack: the Bolt app and its transports, kept apart as Bolt keeps its adapters.

  app.py    build_app(settings, store, transport=...) -> Bolt App (the only slack_bolt user)
  text.py   Slack markup -> the plain question the engine reads (pure)
  wsgi.py   the WSGI entry gunicorn serves over HTTP (Procfile `web:`)
  run.py    Socket Mode in-process, or exec the Procfile's web line

Importing this package imports nothing from slack_bolt: the renderers use text.py.
"""
