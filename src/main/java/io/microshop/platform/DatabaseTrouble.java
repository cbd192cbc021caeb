package io.microshop.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database's availability (down, restarting, unreachable, no free
 * connection) from a bug, whatever wrapped it (Spring, Hikari, bucket4j, the driver): the
 * former is answered 503 with {@code Retry-After}, the latter 500.
 */
public final class DatabaseTrouble {

	private DatabaseTrouble() {
	}

	public static boolean is(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof QueryTimeoutException || cause instanceof SQLTransientConnectionException
					|| cause instanceof ConnectException || cause instanceof TransactionSystemException
					|| cause instanceof java.sql.SQLRecoverableException
					|| cause instanceof java.sql.SQLNonTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				// connection exceptions, and the server shutting down or restarting
				return true;
			}
			if (cause instanceof SQLException sql && "Connection is closed".equals(sql.getMessage())) {
				// Hikari's answer on a connection the server dropped
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
