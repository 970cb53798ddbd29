import { scopeOfCradle, type ServiceMap } from "./container"

type Manager = ServiceMap["manager"]

/**
 * Medusa v1's TransactionBaseService. A service class extending it is built with the request
 * scope's cradle (`constructor(container) { super(container); this.orderService_ = container.orderService }`)
 * and its plugin's options; `manager_` is the request's database.
 */
export abstract class BaseService {
  protected manager_: Manager
  protected transactionManager_: Manager | undefined

  constructor(
    protected readonly __container__: object,
    protected readonly __configModule__?: Record<string, unknown>,
  ) {
    this.manager_ = (__container__ as { manager: Manager }).manager
  }

  /** The transaction this copy works in, else the request's database. */
  protected get activeManager_(): Manager {
    return this.transactionManager_ ?? this.manager_
  }

  /** A copy of this service whose container has `manager` replaced by the transaction, so what it resolves writes there too. */
  withTransaction(transactionManager?: Manager): this {
    if (!transactionManager) return this
    const scope = scopeOfCradle(this.__container__)
    const container = scope ? scope.fork({ manager: transactionManager }).cradle : this.__container__
    const Service = this.constructor as new (container: object, options?: Record<string, unknown>) => this
    const copy = new Service(container, this.__configModule__)
    copy.manager_ = transactionManager
    copy.transactionManager_ = transactionManager
    return copy
  }

  /** Runs `work` in a transaction: this copy's, or a new one committed when it returns and rolled back when it throws. */
  protected async atomicPhase_<T>(work: (transactionManager: Manager) => Promise<T>): Promise<T> {
    if (this.transactionManager_) return work(this.transactionManager_)
    return this.manager_.transaction((tx) => work(tx))
  }
}
