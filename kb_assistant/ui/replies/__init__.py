"""Replies in the window: the controller's Qt state, the panel, the fill-in form and the clipboard."""
