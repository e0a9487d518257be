#!/usr/bin/env python3
"""Runs diplograph inside Spark: extraction as a map step, shard stores merged as a tree.

    python3 examples/spark_pipe.py CORPUS.jsonl OUT_STORE [--bin PATH] [--partitions N]

A PySpark local-mode job (no cluster needed; the same code runs on one):

1. Map step: every partition of the JSON Lines corpus is piped through
   `diplograph extract - --format jsonl` with `RDD.pipe`: one JSON object per article
   comes back per line, streamed (the binary reads a line, writes a line).
2. Shards: every partition is ingested into its own store (`diplograph ingest`), on the
   executors.
3. Merge: the shard stores are combined with `diplograph merge` in a tree
   (`RDD.treeReduce`), which is correct because merge is associative, into OUT_STORE
   (its extension picks RON or binary).

Every JSON Lines record should carry an "id": without one, an article's id is made from
the file name and line number, which differ from shard to shard.

Prints one JSON summary line on standard output.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", help="JSON Lines corpus (one article per line)")
    ap.add_argument("out", help="the merged store to write (.ron, or .bin/.dgb)")
    ap.add_argument("--bin", default=shutil.which("diplograph") or "target/release/diplograph",
                    help="the diplograph binary")
    ap.add_argument("--partitions", type=int, default=4, help="Spark partitions (shards)")
    ap.add_argument("--work", help="directory for shard files (default: a temporary one)")
    args = ap.parse_args()

    from pyspark.sql import SparkSession  # imported late: --help works without Spark

    binary = os.path.abspath(args.bin)
    work = os.path.abspath(args.work or tempfile.mkdtemp(prefix="diplograph-spark-"))
    os.makedirs(work, exist_ok=True)
    spark = (SparkSession.builder.master(f"local[{min(args.partitions, os.cpu_count() or 1)}]")
             .appName("diplograph").config("spark.ui.enabled", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    try:
        lines = sc.textFile(os.path.abspath(args.corpus), minPartitions=args.partitions)
        lines = lines.filter(lambda l: l.strip()).repartition(args.partitions).cache()

        # 1. Map step: extraction through the binary, line in, line out.
        extracted = lines.pipe(f"{binary} extract - --format jsonl").map(json.loads).cache()
        documents = extracted.count()
        pledges = extracted.map(lambda d: len(d.get("pledges", []))).sum()
        statements = extracted.map(lambda d: len(d.get("statements", []))).sum()

        # 2. One store per partition, made on the executors.
        def ingest_shard(index, part):
            shard = os.path.join(work, f"shard-{index:04d}.jsonl")
            with open(shard, "w", encoding="utf-8") as f:
                n = 0
                for line in part:
                    f.write(line + "\n")
                    n += 1
            if n == 0:
                return []
            store = os.path.join(work, f"shard-{index:04d}.bin")
            run([binary, "ingest", shard, "--graph", store])
            return [store]

        shards = lines.mapPartitionsWithIndex(ingest_shard).cache()
        shard_count = shards.count()

        # 3. Merge the shards as a tree (merge is associative).
        def merge_two(a, b):
            out = os.path.join(work, "merge-" + os.path.basename(a) + "+" + os.path.basename(b))
            out = out.replace(".bin", "") + ".bin"
            run([binary, "merge", a, b, "-o", out])
            return out

        merged = shards.treeReduce(merge_two, depth=2) if shard_count else None
    finally:
        spark.stop()
    if merged is None:
        sys.exit("no articles in the corpus")
    # Write the result in the encoding OUT_STORE asks for.
    run([binary, "merge", merged, "-o", os.path.abspath(args.out)])
    print(json.dumps({"documents": documents, "pledges": pledges, "statements": statements,
                      "shards": shard_count, "store": args.out}))


def run(cmd):
    """Runs a diplograph command; exit code 1 (some inputs skipped) is not fatal."""
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr.strip()}")
    return p


if __name__ == "__main__":
    main()
