/**
 * The Storyline pipeline as an Apache Spark batch job, for corpora beyond one machine: the same core stages
 * ({@code ingest}, {@code extract}, {@code copies}, {@code stories}) run on executors, and everything between them
 * is distributed (nothing but counts and small settings comes to the driver).
 *
 * <p><b>In:</b> files, folders or globs on any Hadoop file system (local, HDFS, S3 through s3a): text, HTML, JSON
 * Lines and WARC, optionally gzip'ed, exactly as the CLI reads them. <b>Out:</b> an output folder with
 * {@code articles/} (JSON lines: the fields of {@code storyline extract}, then those of {@code storyline copies} and
 * {@code storyline stories}, see {@code Output}), {@code parquet/} (the same columns), {@code problems/} (JSON
 * lines) and {@code summary.json} ({@link io.storyline.spark.JobReport}); parts are in input order.
 *
 * <pre>{@code
 * SparkSession spark = SparkSession.builder().getOrCreate();
 * JobReport report = StorylineJob.builder().inputs(List.of("s3a://crawl/2024/")).output("s3a://out/run1").build()
 *     .run(spark);
 * }</pre>
 *
 * <h2>Stages and shuffles</h2>
 * <ol>
 *   <li><b>List</b> ({@code InputListing}, driver): names and sizes only; ids and reading order as the CLI's.</li>
 *   <li><b>Read</b> ({@code FileReading}, one task per group of files of about equal bytes): the core reader on
 *       each file ({@code Ingest.openFile}), copying HDFS/S3 files to local disk first; HTML and headline-only
 *       documents are extracted right away.</li>
 *   <li><b>Extract</b> ({@code Extraction}, shuffle 1: text documents by source, everything else spread evenly):
 *       template lines learned per source over the whole source, then extraction.</li>
 *   <li><b>Unique ids</b> ({@code UniqueIds}, shuffle of ids only): the first document of an id wins, as in the
 *       CLI.</li>
 *   <li><b>Order</b>: the articles by input order, in ranges from the listing; every later stage's labels are
 *       merged back onto this order ({@code OrderedMerge}: only labels move).</li>
 *   <li><b>Copies</b> ({@code CopyGroups}: key, candidate, text and word-count shuffles, then connected
 *       components and one shuffle of member records by group): the copy groups one {@code CopyIndex} gives.</li>
 *   <li><b>Stories</b> ({@code StoryBlocks}: story features computed once per document, one shuffle of them
 *       into blocks of publication time, split by entity when large, each clustered by the core
 *       {@code StoryClusterer} ({@code BlockClustering}) from the stream's document frequencies before it
 *       ({@code StoryFrequencies}); stitched by connected components).</li>
 *   <li><b>Write</b> ({@code Output}): JSON lines and Parquet, in input order.</li>
 * </ol>
 * Connected components of large graphs: {@code ConnectedComponents} (large-star/small-star).
 *
 * <h2>Running</h2>
 * {@link io.storyline.spark.SparkMain} is the command line ({@code ./storyline spark INPUT... -o DIR} in local
 * mode, or {@code spark-submit storyline-spark.jar INPUT... -o DIR} on a cluster); {@code SparkBench} measures it.
 */
package io.storyline.spark;
