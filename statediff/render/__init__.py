"""Renderers: each draws the one Report object in one format and computes nothing new."""
