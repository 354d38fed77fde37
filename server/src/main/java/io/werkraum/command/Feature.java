package io.werkraum.command;

/** A part of the product that brings commands: it registers each in the table, nothing else. */
public interface Feature {
  void register(CommandTable.Builder table);
}
