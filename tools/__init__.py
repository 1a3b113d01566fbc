"""Developer tools: translation catalogue upkeep and the bundled font subset."""
