/** Starting an area's workflow execution and answering its steps that wait for staff. */
export interface AreaWorkflowControl {
  /** Starts the one execution of this area; starting it again does nothing. */
  start(areaId: string): Promise<void>;
  /** Lets the execution waiting on this token go on. */
  continue(token: string): Promise<void>;
  /**
   * Starts the area's workflow again after its execution failed. `attempt` names the new
   * execution, so asking twice for the same attempt starts one. Steps already done are passed
   * through: each does nothing twice, and staff steps already answered do not wait again.
   */
  restart(areaId: string, attempt: string): Promise<void>;
}
