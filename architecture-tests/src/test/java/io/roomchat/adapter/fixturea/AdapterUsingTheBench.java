package io.roomchat.adapter.fixturea;

import io.roomchat.bench.fixture.BenchUsingAServersClasses;

/** A violation on purpose: product code depending on the benchmarks. */
public final class AdapterUsingTheBench {
    public Class<?> bench() {
        return BenchUsingAServersClasses.class;
    }
}
