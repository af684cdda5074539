package org.debtledger.command.runs;

/**
 * Where a run tells how far it has come, as often as it likes: the counts are written about once a second, so that
 * telling costs little, and the last counts told are written when the run finishes.
 */
@FunctionalInterface
public interface RunProgress {

    void reached(RunCounts counts);
}
