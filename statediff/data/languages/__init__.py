"""Per-language data files (CODE.toml), read by statediff.languages; see ARCHITECTURE.md, "Language data"."""
