package org.caseway.gateway.support;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/** Counts the commits of the transactions it runs, and runs them on another manager. */
public final class CountingTransactions implements PlatformTransactionManager {

  private final PlatformTransactionManager delegate;
  private int commits;

  public CountingTransactions(PlatformTransactionManager delegate) {
    this.delegate = delegate;
  }

  /** Commits so far. */
  public int commits() {
    return commits;
  }

  @Override
  public TransactionStatus getTransaction(TransactionDefinition definition) {
    return delegate.getTransaction(definition);
  }

  @Override
  public void commit(TransactionStatus status) {
    commits++;
    delegate.commit(status);
  }

  @Override
  public void rollback(TransactionStatus status) {
    delegate.rollback(status);
  }
}
