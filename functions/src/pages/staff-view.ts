/** Who is signed in to the staff console, and the token their forms carry back. */
export interface StaffView {
  name: string;
  csrfToken: string;
}
