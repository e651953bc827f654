package dev.rekey.rotators;

/** Receives every step event of a run, in order (the command line logs them). */
@FunctionalInterface
public interface StepListener {
  StepListener NONE = event -> {};

  void on(StepEvent event);
}
