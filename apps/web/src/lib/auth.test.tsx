import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { makeUser } from '@/testing/mock-api';
import { ProtectedRoute, sessionQueryKey, useUser } from './auth';

/** A signed-in component that also re-renders on its own (as the shell does when its sign-out request settles). */
function Greeting() {
  const user = useUser();
  const [clicks, setClicks] = useState(0);
  return (
    <button type="button" onClick={() => setClicks(clicks + 1)}>
      {user.displayName} {clicks}
    </button>
  );
}

describe('ProtectedRoute and useUser', () => {
  it('signing out: a component that re-renders before the redirect still has its user, then the login page shows', async () => {
    const user = makeUser({ role: 'instructor', displayName: 'Amina Khan' });
    const queryClient = new QueryClient();
    queryClient.setQueryData(sessionQueryKey, user);
    const router = createMemoryRouter(
      [
        {
          path: '/app',
          element: (
            <ProtectedRoute fallback={<p>Loading</p>}>
              <Greeting />
            </ProtectedRoute>
          ),
        },
        { path: '/login', element: <h1>Sign in</h1> },
      ],
      { initialEntries: ['/app'] },
    );
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      render(
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>,
      );
      const button = screen.getByRole('button', { name: 'Amina Khan 0' });
      // The session ends, and in the same moment the component re-renders by itself — before the query has told
      // ProtectedRoute (its observers hear of changes on a later tick).
      act(() => {
        queryClient.setQueryData(sessionQueryKey, null);
        fireEvent.click(button);
      });
      expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});
