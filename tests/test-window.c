#include "config.h"

#include "myna-application.h"
#include "myna-window.h"

static MynaApplication *app;

static void
flush_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_window_opens (void)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  flush_main_context ();

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (MYNA_IS_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "MynaCheck");
  g_assert_cmpstr (myna_application_get_demo_scenario (app), ==, "valid");

  /* Activating again presents the same window. */
  g_application_activate (G_APPLICATION (app));
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == window);
}

static void
test_window_actions (void)
{
  GList *windows;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  flush_main_context ();

  windows = gtk_window_list_toplevels ();
  {
    gboolean found = FALSE;

    for (GList *l = windows; l != NULL; l = l->next)
      found |= ADW_IS_ABOUT_WINDOW (l->data);
    g_assert_true (found);

    for (GList *l = windows; l != NULL; l = l->next)
      {
        if (ADW_IS_ABOUT_WINDOW (l->data))
          gtk_window_destroy (l->data);
      }
  }
  g_list_free (windows);
  flush_main_context ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MynaOptions) options = myna_options_new ();
  g_autoptr(GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);

  options->demo = g_strdup ("valid");
  app = myna_application_new (options);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/opens", test_window_opens);
  g_test_add_func ("/window/actions", test_window_actions);

  ret = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return ret;
}
