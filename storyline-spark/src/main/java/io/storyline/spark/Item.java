package io.storyline.spark;

import java.io.Serializable;

/**
 * What flows between the job's first stages: a document read but not yet extracted ({@link DocumentRecord}), an
 * extracted article ({@link ArticleRecord}) or a skipped input ({@link ProblemRecord}). Problems travel with the
 * documents through the extraction shuffle, so that the job reads its input once and still writes every problem.
 */
sealed interface Item extends Serializable permits DocumentRecord, ArticleRecord, ProblemRecord {

  /** Position in the input order: (file rank, index in the file), see {@link Order}. */
  long order();
}
