package org.cstopo.cli;

/** Output formats: text for people, json for pipelines. */
enum Format { text, json }
